import { useLocaleStore } from '@hyedu/ui';

interface KpiWords {
  title: string;
  formula: string;
  en: { title: string; formula: string } | null;
}

/** A KPI's title and formula in the shell's language (the API sends the English beside the Chinese definition). */
export function useKpiText() {
  const locale = useLocaleStore();
  return {
    title: (k: Pick<KpiWords, 'title' | 'en'>) => (locale.locale === 'en-US' && k.en ? k.en.title : k.title),
    formula: (k: Pick<KpiWords, 'formula' | 'en'>) => (locale.locale === 'en-US' && k.en ? k.en.formula : k.formula),
  };
}
