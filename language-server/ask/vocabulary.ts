/**
 * Words the parser reads as meaning (verbs, nouns of the intents, filters) or as filler. A word in neither list
 * is a candidate for a project name: only such words are matched loosely (by prefix, by one part of a name, by a
 * typo), so "show" never becomes "shop" and "info" never becomes "infra".
 */

/** Filler: carries no meaning for any intent. */
export const STOPWORDS: ReadonlySet<string> = new Set(`
a an the my our your his her their its this that these those it them they me i we you us he she
is are am was were be been being do does did done doing have has had having will would can could should shall may might must
to of in on at for from with by about into onto over under up down out off as than then so and or but if
please pls plz kindly just now right currently still again also too very really quite some any
there here what which who whom whose when where why how
hey hi hello ok okay yes thanks thank optimus not no never
come comes coming came give gives gave want wants wanted like know think let lets guess wonder tomorrow tonight morning afternoon evening soon later quickly asap
per both across between thing things lot bit kind sort most important urgent biggest win wins quick cause caused causing reason locally local server
`.split(/\s+/).filter(Boolean));

/** Words with a meaning to some intent, filter or slot. */
export const MEANING_WORDS: ReadonlySet<string> = new Set(`
start starting started launch boot run fire spin serve turn bring get going kick power go
stop stopping kill halt terminate shut shutdown close take end
restart reboot bounce reload relaunch recycle over
running up alive live online offline status runtime monitor port ports process processes cpu memory ram using use used anything something everything nothing
crash crashed crashing crashes fail failed failing failure broke broken died dead error errors exception happened wrong went keep keeps diagnose debug troubleshoot explain last
issue issues problem problems finding findings warning warnings vulnerability vulnerabilities vuln vulns cve cves bug bugs smell smells secret secrets leaked leak leaks
security secure insecure vulnerable performance perf slow fast speed quality complexity complex lint maintainability maintainable tech technical debt code source
analyze analyse analysis analyzed check inspect examine review audit scan health healthy score good
back backup backups backed snapshot archive save copy
advice advise recommend recommendation recommendations suggestion suggestions suggest next action actions todo priority prioritize prioritise attention work focus tackle needs need
money make makes making earn earns earning earnings profit profits profitable revenue income monetize monetise monetization sell sales paying pays pay cash dashboard
roi return investment invested invest hours hour time spend spent cost costs worth
open show display view details detail info information overview summary page tell go jump see look
list enumerate project projects many count which all every each everywhere repos repo apps app ones stuff
deploy ship publish release push production prod staging development dev test testing profile profiles
env environment environments variable variables vars var config configuration dotenv keys key missing
log logs output stdout stderr console tail print printed printing
history trail recent changed happened today yesterday
help examples example commands usage
uncommitted dirty unsaved modified committed changes changed pending wip unpushed pushed ahead remote origin upstream commits
stale abandoned inactive dormant untouched neglected forgotten old touched worked updated while
day days week weeks month months year years
written built
`.split(/\s+/).filter(Boolean));

export function isKnownWord(word: string): boolean {
  return STOPWORDS.has(word) || MEANING_WORDS.has(word);
}
