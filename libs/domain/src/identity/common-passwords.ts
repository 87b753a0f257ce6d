/**
 * A compact deny-list of very common passwords (security.md §1 身份鉴别 a, ASVS 6.2.4), lower-case.
 *
 * Honest note: these ~460 entries were written by hand from well-known public rankings (worldwide
 * top-password lists and passwords common in Chinese leaks: number puns such as 5201314 "我爱你一生一世",
 * pinyin, QQ-style prefixes) plus keyboard walks. They are NOT a verified top-N and fall short of the
 * top-3000 that security.md asks for. Production should load a larger, sourced list in the api layer
 * and pass it as `commonPasswords`; this one is the floor and the test fixture.
 *
 * Short entries matter too: the check also looks at the password with trailing digits and symbols
 * removed, so 'Admin@2024!' is caught by 'admin'.
 */
const RAW = `
123456 123456789 12345678 12345 1234567 1234567890 1234 123 0123456789 01234567 012345
111111 000000 222222 333333 444444 555555 666666 777777 888888 999999 11111111 00000000 88888888 66666666 99999999
1111111 7777777 11111 1111 0000 8888 6666 123123 123321 321321 121212 112233 11223344 1122334455 12341234
123123123 123456123456 654321 987654 987654321 0987654321 098765 7654321 87654321 54321 4321
123654 123654789 123789 147258 147258369 147852 147852369 159357 159357456 159753 258369 258456 357159
369258147 741852 741852963 963852741 789456 789456123 456789 456123 789123 852456 321654 112358
520520 521521 5201314 1314520 5211314 1314521 201314 131420 520131 5201314520 52013141314 7758521 7758258 584520 1314
168168 168888 518518 666888 888666 888999 999888 123888 110110 111222 112211 121314 123000 100200
abc123 abc12345 abc123456 abcd1234 abcd123456 123abc 123456abc abc abcd abcdef abcdefg abcdefgh a1b2c3 a1b2c3d4 1a2b3c4d
a123456 a12345678 a123456789 a1234567 a12345 aa123456 aa12345678 aaa123456 123456a 123456aa 12345678a 123456789a 1234567a
qq123456 qq1234 qq123 qq5201314 q123456 q1234567 w123456 z123456 zz123456 ab123456 as123456 asd123456 zxc123456 qwe123456
password password1 password12 password123 password1234 passw0rd p@ssw0rd p@ssword p@ss pass pass123 pass1234 passwd pwd pwd123
qwerty qwerty1 qwerty12 qwerty123 qwertyu qwertyui qwertyuiop qwer qwer1234 1234qwer qwe qwe123 123qwe qwe123qwe qweqwe
qweasd qweasd123 qweasdzxc qweasdzxc123 123qweasd 123qweasdzxc zxcasdqwe qazwsx qazwsxedc qazwsx123 qazxsw qazxswedc
1qaz2wsx 1qaz2wsx3edc 1qazxsw2 1qaz@wsx 1qaz!qaz !qaz2wsx !qaz@wsx zaq12wsx zaq1xsw2 zaq1zaq1 xsw2zaq1 2wsx3edc
1q2w3e 1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y q1w2e3r4 q1w2e3r4t5 1qa2ws3ed wsxedc edcrfv rfvtgb 1234rewq 4321rewq
asdf asdfg asdfgh asdfghjk asdfghjkl asdf1234 asd123 asdasd asdqwe123 zxcv zxcvb zxcvbn zxcvbnm zxc123 zxcvbnm123 zxczxc
mnbvcxz poiuytrewq lkjhgfdsa 1qazxc 1q2w3e4r5 qaz123 wsx123 aaaaaa aaaaaaaa aaa111 abcabc abab1234 qqqqqq zzzzzz
admin admin1 admin12 admin123 admin1234 admin888 admin@123 admin123456 administrator root root123 root@123 toor
sysadmin system manager super superuser user user123 guest test test1 test123 test1234 testtest demo default changeme
login welcome welcome1 welcome123 secret hello hello123 letmein trustno1 master access 12345qwert
iloveyou iloveyou1 iloveu love love123 lovely loveme ilove1314 woaini woaini1314 woaini520 woaini123 aini1314 a5201314
woaiwojia woaimama woaibaba wodemima mima mima123 mima123456 mimamima nihao nihao123 nihaoma woshishui buzhidao
caonima wocao haha hahaha hehe xixi jiayou wanmei kuaile xingfu pingan ziyou tiantian xiaoxiao dandan beibei baobao
zhongguo china china123 zhongguo123 beijing shanghai guangzhou shenzhen hunan changsha huawei xiaomi tencent baidu
wang123 wang1234 wang123456 wangwei zhangwei liwei zhang123 zhang123456 li123456 liu123456 chen123456 yang123456
huang123456 zhao123456 zhou123456 wu123456 xu123456 sun123456 hu123456 zhu123456 gao123456 lin123456
dragon monkey shadow sunshine princess football baseball soccer hockey basketball superman batman spiderman
michael jordan jennifer michelle jessica ashley amanda nicole charlie thomas robert daniel andrew george joshua
matthew taylor hunter buster tigger ginger pepper maggie cheese summer freedom starwars killer ranger harley
mustang yankees dallas austin thunder matrix computer internet whatever flower cookie chocolate banana
696969 131313 7777 2000 2020 2021 2022 2023 2024 2025 1990 1991 1992 1993 1994 1995 1996 1997 1998 1999
teacher teacher123 student student123 school school123 laoshi laoshi123 xuexiao xuesheng jiaoshi jiaoyu jiaoyu123
jiaoyuju xiaozhang banzhuren kaoshi gaokao zhongkao
`;

/** The list as written (lower-case, no duplicates). */
export const COMMON_PASSWORD_LIST: readonly string[] = Object.freeze(RAW.split(/\s+/).filter((s) => s.length > 0));

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(COMMON_PASSWORD_LIST);
