declare module 'element-plus/es/locale/lang/zh-cn.mjs' {
  import type { Language } from 'element-plus/es/locale';
  const lang: Language;
  export default lang;
}
declare module 'element-plus/es/locale/lang/en.mjs' {
  import type { Language } from 'element-plus/es/locale';
  const lang: Language;
  export default lang;
}
