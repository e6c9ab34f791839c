/**
 * Oniguruma's character types and `\p{...}` property names (Unicode 14, as in jq 1.6's Oniguruma
 * 6.9.8) mapped to JavaScript `u`-mode class atoms.
 * @module
 */
import type { CharProperty } from './onig-ast.js';
import { unicodeBlock } from './unicode-blocks.js';

/**
 * Property names accepted by `\p{...}`, as `JsAtom:name,name` groups. Names are normalized like
 * Oniguruma does: lower case, without spaces, `-` and `_`. `Script=Xxxx` atoms use the ISO 15924
 * code, which JavaScript accepts as a Script value.
 */
const PROPERTY_TABLE: readonly string[] = [
  'ASCII_Hex_Digit:ahex,asciihexdigit Alphabetic:alphabetic Any:any Assigned:assigned',
  'Bidi_Control:bidic,bidicontrol Case_Ignorable:caseignorable,ci Cased:cased Cc:cc,control',
  'Cf:cf,format Changes_When_Casefolded:changeswhencasefolded,cwcf',
  'Changes_When_Casemapped:changeswhencasemapped,cwcm',
  'Changes_When_Lowercased:changeswhenlowercased,cwl',
  'Changes_When_Titlecased:changeswhentitlecased,cwt',
  'Changes_When_Uppercased:changeswhenuppercased,cwu Cn:cn,unassigned Co:co,privateuse',
  'Cs:cs,surrogate C:c,other Dash:dash Default_Ignorable_Code_Point:defaultignorablecodepoint,di',
  'Deprecated:dep,deprecated Diacritic:dia,diacritic Emoji_Component:ecomp,emojicomponent',
  'Emoji_Modifier_Base:ebase,emojimodifierbase Emoji_Modifier:emod,emojimodifier',
  'Emoji_Presentation:emojipresentation,epres Emoji:emoji',
  'Extended_Pictographic:extendedpictographic,extpict Extender:ext,extender',
  'Grapheme_Base:graphemebase,grbase Grapheme_Extend:graphemeextend,grext Hex_Digit:hex,hexdigit',
  'IDS_Binary_Operator:idsb,idsbinaryoperator IDS_Trinary_Operator:idst,idstrinaryoperator',
  'ID_Continue:idc,idcontinue ID_Start:ids,idstart Ideographic:ideo,ideographic',
  'Join_Control:joinc,joincontrol LC:casedletter,lc Ll:ll,lowercaseletter Lm:lm,modifierletter',
  'Logical_Order_Exception:loe,logicalorderexception Lowercase:lowercase Lo:lo,otherletter',
  'Lt:lt,titlecaseletter Lu:lu,uppercaseletter L:l,letter Math:math Mc:mc,spacingmark',
  'Me:enclosingmark,me Mn:mn,nonspacingmark M:combiningmark,m,mark Nd:decimalnumber,nd',
  'Nl:letternumber,nl Noncharacter_Code_Point:nchar,noncharactercodepoint No:no,othernumber',
  'N:n,number Pattern_Syntax:patsyn,patternsyntax Pattern_White_Space:patternwhitespace,patws',
  'Pc:connectorpunctuation,pc Pd:dashpunctuation,pd Pe:closepunctuation,pe Pf:finalpunctuation,pf',
  'Pi:initialpunctuation,pi Po:otherpunctuation,po Ps:openpunctuation,ps P:p,punctuation',
  'Quotation_Mark:qmark,quotationmark Radical:radical Regional_Indicator:regionalindicator,ri',
  'Script=Adlm:adlam,adlm Script=Aghb:aghb,caucasianalbanian Script=Ahom:ahom',
  'Script=Arab:arab,arabic Script=Armi:armi,imperialaramaic Script=Armn:armenian,armn',
  'Script=Avst:avestan,avst Script=Bali:bali,balinese Script=Bamu:bamu,bamum',
  'Script=Bass:bass,bassavah Script=Batk:batak,batk Script=Beng:beng,bengali',
  'Script=Bhks:bhaiksuki,bhks Script=Bopo:bopo,bopomofo Script=Brah:brah,brahmi',
  'Script=Brai:brai,braille Script=Bugi:bugi,buginese Script=Buhd:buhd,buhid',
  'Script=Cakm:cakm,chakma Script=Cans:canadianaboriginal,cans Script=Cari:cari,carian',
  'Script=Cham:cham Script=Cher:cher,cherokee Script=Chrs:chorasmian,chrs Script=Copt:copt,coptic',
  'Script=Cpmn:cpmn,cyprominoan Script=Cprt:cprt,cypriot Script=Cyrl:cyrillic,cyrl',
  'Script=Deva:deva,devanagari Script=Diak:diak,divesakuru Script=Dogr:dogr,dogra',
  'Script=Dsrt:deseret,dsrt Script=Dupl:dupl,duployan Script=Egyp:egyp,egyptianhieroglyphs',
  'Script=Elba:elba,elbasan Script=Elym:elym,elymaic Script=Ethi:ethi,ethiopic',
  'Script=Geor:geor,georgian Script=Glag:glag,glagolitic Script=Gong:gong,gunjalagondi',
  'Script=Gonm:gonm,masaramgondi Script=Goth:goth,gothic Script=Gran:gran,grantha',
  'Script=Grek:greek,grek Script=Gujr:gujarati,gujr Script=Guru:gurmukhi,guru',
  'Script=Hang:hang,hangul Script=Hani:han,hani Script=Hano:hano,hanunoo Script=Hatr:hatr,hatran',
  'Script=Hebr:hebr,hebrew Script=Hira:hira,hiragana Script=Hluw:anatolianhieroglyphs,hluw',
  'Script=Hmng:hmng,pahawhhmong Script=Hmnp:hmnp,nyiakengpuachuehmong',
  'Script=Hung:hung,oldhungarian Script=Ital:ital,olditalic Script=Java:java,javanese',
  'Script=Kali:kali,kayahli Script=Kana:kana,katakana Script=Khar:khar,kharoshthi',
  'Script=Khmr:khmer,khmr Script=Khoj:khoj,khojki Script=Kits:khitansmallscript,kits',
  'Script=Knda:kannada,knda Script=Kthi:kaithi,kthi Script=Lana:lana,taitham Script=Laoo:lao,laoo',
  'Script=Latn:latin,latn Script=Lepc:lepc,lepcha Script=Limb:limb,limbu Script=Lina:lina,lineara',
  'Script=Linb:linb,linearb Script=Lisu:lisu Script=Lyci:lyci,lycian Script=Lydi:lydi,lydian',
  'Script=Mahj:mahajani,mahj Script=Maka:maka,makasar Script=Mand:mand,mandaic',
  'Script=Mani:mani,manichaean Script=Marc:marc,marchen Script=Medf:medefaidrin,medf',
  'Script=Mend:mend,mendekikakui Script=Merc:merc,meroiticcursive',
  'Script=Mero:mero,meroitichieroglyphs Script=Miao:miao Script=Mlym:malayalam,mlym',
  'Script=Modi:modi Script=Mong:mong,mongolian Script=Mroo:mro,mroo Script=Mtei:meeteimayek,mtei',
  'Script=Mult:mult,multani Script=Mymr:myanmar,mymr Script=Nand:nand,nandinagari',
  'Script=Narb:narb,oldnortharabian Script=Nbat:nabataean,nbat Script=Newa:newa',
  'Script=Nkoo:nko,nkoo Script=Nshu:nshu,nushu Script=Ogam:ogam,ogham Script=Olck:olchiki,olck',
  'Script=Orkh:oldturkic,orkh Script=Orya:oriya,orya Script=Osge:osage,osge',
  'Script=Osma:osma,osmanya Script=Ougr:olduyghur,ougr Script=Palm:palm,palmyrene',
  'Script=Pauc:pauc,paucinhau Script=Perm:oldpermic,perm Script=Phag:phag,phagspa',
  'Script=Phli:inscriptionalpahlavi,phli Script=Phlp:phlp,psalterpahlavi',
  'Script=Phnx:phnx,phoenician Script=Plrd:plrd Script=Prti:inscriptionalparthian,prti',
  'Script=Qaac:qaac Script=Qaai:qaai Script=Rjng:rejang,rjng Script=Rohg:hanifirohingya,rohg',
  'Script=Runr:runic,runr Script=Samr:samaritan,samr Script=Sarb:oldsoutharabian,sarb',
  'Script=Saur:saur,saurashtra Script=Sgnw:sgnw,signwriting Script=Shaw:shavian,shaw',
  'Script=Shrd:sharada,shrd Script=Sidd:sidd,siddham Script=Sind:khudawadi,sind',
  'Script=Sinh:sinh,sinhala Script=Sogd:sogd,sogdian Script=Sogo:oldsogdian,sogo',
  'Script=Sora:sora,sorasompeng Script=Soyo:soyo,soyombo Script=Sund:sund,sundanese',
  'Script=Sylo:sylo,sylotinagri Script=Syrc:syrc,syriac Script=Tagb:tagb,tagbanwa',
  'Script=Takr:takr,takri Script=Tale:taile,tale Script=Talu:newtailue,talu Script=Taml:tamil,taml',
  'Script=Tang:tang,tangut Script=Tavt:taiviet,tavt Script=Telu:telu,telugu',
  'Script=Tfng:tfng,tifinagh Script=Tglg:tagalog,tglg Script=Thaa:thaa,thaana Script=Thai:thai',
  'Script=Tibt:tibetan,tibt Script=Tirh:tirh,tirhuta Script=Tnsa:tangsa,tnsa Script=Toto:toto',
  'Script=Ugar:ugar,ugaritic Script=Vaii:vai,vaii Script=Vith:vith,vithkuqi',
  'Script=Wara:wara,warangciti Script=Wcho:wancho,wcho Script=Xpeo:oldpersian,xpeo',
  'Script=Xsux:cuneiform,xsux Script=Yezi:yezi,yezidi Script=Yiii:yi,yiii',
  'Script=Zanb:zanabazarsquare,zanb Script=Zinh:inherited,zinh Script=Zyyy:common,zyyy',
  'Script=Zzzz:unknown,zzzz Sc:currencysymbol,sc Sentence_Terminal:sentenceterminal,sterm',
  'Sk:modifiersymbol,sk Sm:mathsymbol,sm Soft_Dotted:sd,softdotted So:othersymbol,so S:s,symbol',
  'Terminal_Punctuation:term,terminalpunctuation Unified_Ideograph:uideo,unifiedideograph',
  'Uppercase:uppercase Variation_Selector:variationselector,vs White_Space:whitespace,wspace',
  'XID_Continue:xidc,xidcontinue XID_Start:xids,xidstart Zl:lineseparator,zl',
  'Zp:paragraphseparator,zp Zs:spaceseparator,zs Z:separator,z',
];

/** Properties that are not closed under case folding: `i` must not widen them (see case-fold.ts). */
const CASE_VARIANT = new Set(['Lu', 'Ll', 'Lt', 'Uppercase', 'Lowercase', 'ASCII']);

/** Oniguruma names that JavaScript cannot express: `\p{...}` with them is refused. */
const UNSUPPORTED = new Set(
  ('graphemelink grlink hyphen oalpha odi ogrext oidc oids olower omath otheralphabetic ' +
    'otherdefaultignorablecodepoint othergraphemeextend otheridcontinue otheridstart ' +
    'otherlowercase othermath otheruppercase oupper pcm prependedconcatenationmark innoblock').split(' '),
);

function prop(atoms: string[], negated = false, caseClosed = true): CharProperty {
  return { kind: 'prop', atoms, negated, caseClosed };
}

/** The Unicode definition of Oniguruma's `[[:word:]]`, `\p{Word}` and `[\w]`. @internal */
export const WORD_ATOMS = ['\\p{Alphabetic}', '\\p{M}', '\\p{Nd}', '\\p{Pc}'];

/**
 * `\w` outside a class (and `\b`): ONIGENC_IS_CODE_WORD, which reads a Latin-1 table below U+0100
 * that also counts ² ³ ¹ ¼ ½ ¾ as word characters. @internal
 */
export const WORD_CHAR_ATOMS = [...WORD_ATOMS, '\\u{b2}\\u{b3}\\u{b9}\\u{bc}-\\u{be}'];

/** `\s`, `[[:space:]]`: White_Space (U+0009-000D, U+0085, Zs, Zl, Zp). @internal */
export const SPACE_ATOMS = ['\\p{White_Space}'];

/** `\d`, `[[:digit:]]`: Decimal_Number. @internal */
export const DIGIT_ATOMS = ['\\p{Nd}'];

/** The POSIX bracket names (`[[:alpha:]]`), also valid as `\p{Alpha}`. @internal */
export const POSIX_CLASSES: Readonly<Record<string, CharProperty>> = {
  alnum: prop(['\\p{Alphabetic}', '\\p{Nd}']),
  alpha: prop(['\\p{Alphabetic}']),
  ascii: prop(['\\u{0}-\\u{7f}'], false, false),
  blank: prop(['\\p{Zs}', '\\t']),
  cntrl: prop(['\\p{Cc}']),
  digit: prop(DIGIT_ATOMS),
  graph: prop(['\\p{White_Space}', '\\p{Cc}', '\\p{Cs}', '\\p{Cn}'], true),
  lower: prop(['\\p{Lowercase}'], false, false),
  print: prop(['\\p{Zl}', '\\p{Zp}', '\\p{Cc}', '\\p{Cs}', '\\p{Cn}'], true),
  punct: prop(['\\p{P}']),
  space: prop(SPACE_ATOMS),
  upper: prop(['\\p{Uppercase}'], false, false),
  xdigit: prop(['0-9A-Fa-f']),
  word: prop(WORD_ATOMS),
};

let properties: Map<string, CharProperty> | undefined;

function propertyTable(): Map<string, CharProperty> {
  if (properties) return properties;
  properties = new Map();
  for (const line of PROPERTY_TABLE) {
    for (const group of line.split(' ')) {
      const [atom, names] = group.split(':') as [string, string];
      const value = prop([`\\p{${atom}}`], false, !CASE_VARIANT.has(atom));
      for (const name of names.split(',')) properties.set(name, value);
    }
  }
  for (const [name, value] of Object.entries(POSIX_CLASSES)) properties.set(name, value);
  properties.set('newline', prop(['\\n']));
  return properties;
}

/**
 * Looks up the name inside `\p{...}` like Oniguruma: case-insensitive, ignoring spaces, `-` and
 * `_`. Returns the property, `'unsupported'` for a valid Oniguruma name that JavaScript cannot
 * express, or undefined for an unknown name. @internal
 */
export function lookupProperty(rawName: string): CharProperty | 'unsupported' | undefined {
  let name = '';
  for (const ch of rawName) {
    if (ch.codePointAt(0)! >= 0x80) return undefined;
    if (ch !== ' ' && ch !== '-' && ch !== '_') name += ch.toLowerCase();
  }
  const found = propertyTable().get(name);
  if (found) return found;
  if (UNSUPPORTED.has(name)) return 'unsupported';
  if (name.startsWith('in')) {
    const block = unicodeBlock(name.slice(2));
    if (block) return prop([`\\u{${block[0].toString(16)}}-\\u{${block[1].toString(16)}}`], false, false);
  }
  return undefined;
}

let wordChar: RegExp | undefined;

/** ONIGENC_IS_CODE_WORD: is `cp` a word character (group names, `\w`, `\b`)? @internal */
export function isWordCodePoint(cp: number): boolean {
  wordChar ??= new RegExp(`^[${WORD_CHAR_ATOMS.join('')}]$`, 'u');
  return cp <= 0x10ffff && wordChar.test(String.fromCodePoint(cp));
}
