/**
 * Tests of dates.ts (and date-format.ts, date-parse.ts, broken-down-time.ts) against recorded jq 1.6 outputs: `jq -nc 'try (<case>) catch ("E:" + .)'`
 * with TZ=UTC (UTC_CASES) and TZ=America/New_York (NEW_YORK_CASES).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Json } from './ast.js';
import {
  fromdateiso8601,
  gmtime,
  localtime,
  mktime,
  strflocaltime,
  strftime,
  strptime,
  todateiso8601,
} from './dates.js';
import { JqError } from './errors.js';
import { dumpJson } from './json-dump.js';

const UTC_CASES: [string, string][] = [
  ["0 | gmtime", "[1970,0,1,0,0,0,4,0]"],
  ["1425599621 | gmtime", "[2015,2,5,23,53,41,4,63]"],
  ["1425599621.9 | gmtime", "[2015,2,5,23,53,41.90000009536743,4,63]"],
  ["-1.5 | gmtime", "[1969,11,31,23,59,59.5,3,364]"],
  ["-1 | gmtime", "[1969,11,31,23,59,59,3,364]"],
  ["86399.5 | gmtime", "[1970,0,1,23,59,59.5,4,0]"],
  ["951782400 | gmtime", "[2000,1,29,0,0,0,2,59]"],
  ["4107542400 | gmtime", "[2100,2,1,0,0,0,1,59]"],
  ["-2208988800 | gmtime", "[1900,0,1,0,0,0,1,0]"],
  ["-62135596801 | gmtime", "[0,11,31,23,59,59,0,365]"],
  ["1e12 | gmtime", "[33658,8,27,1,46,40,5,269]"],
  ["253402300799 | gmtime", "[9999,11,31,23,59,59,5,364]"],
  ["-67768040609740800 | gmtime", "[-2147481748,0,1,0,0,0,4,0]"],
  ["67768036191676799 | gmtime", "\"E:errror converting number of seconds since epoch to datetime\""],
  ["1e20 | gmtime", "\"E:errror converting number of seconds since epoch to datetime\""],
  ["\"x\" | gmtime", "\"E:gmtime() requires numeric inputs\""],
  ["null | gmtime", "\"E:gmtime() requires numeric inputs\""],
  ["0 | localtime", "[1970,0,1,0,0,0,4,0]"],
  ["1425599621.25 | localtime", "[2015,2,5,23,53,41.25,4,63]"],
  ["-1.5 | localtime", "[1969,11,31,23,59,59.5,3,364]"],
  ["\"x\" | localtime", "\"E:localtime() requires numeric inputs\""],
  ["1425599621 | todateiso8601", "\"2015-03-05T23:53:41Z\""],
  ["1425599621.9 | todateiso8601", "\"2015-03-05T23:53:41Z\""],
  ["-62135596801 | todateiso8601", "\"0-12-31T23:59:59Z\""],
  ["\"x\" | todateiso8601", "\"E:strftime/1 requires parsed datetime inputs\""],
  ["[2015,2,5,23,51,47,4,63] | todateiso8601", "\"2015-03-05T23:51:47Z\""],
  ["[2015,2,5,23,51,47,4,63] | mktime", "1425599507"],
  ["[2015,2,5,23,51,47.9,4,63] | mktime", "1425599507"],
  ["[2015,14,40,23,51,47,0,0] | mktime", "1460245907"],
  ["[1969,11,31,23,59,59,0,0] | mktime", "\"E:invalid gmtime representation\""],
  ["[1969,11,31,23,59,58,0,0] | mktime", "\"E:mktime not supported on this platform\""],
  ["[0,0,1,0,0,0,0,0] | mktime", "-62167219200"],
  ["[2015,2,5] | mktime", "\"E:mktime requires parsed datetime inputs\""],
  ["[2015,2,5,23,51,47] | mktime", "\"E:mktime requires parsed datetime inputs\""],
  ["[2015,2,5,23,51,\"x\",4,63] | mktime", "\"E:mktime requires parsed datetime inputs\""],
  ["\"a\" | mktime", "\"E:mktime requires array inputs\""],
  ["[2015,-13,1,0,0,0,0,0] | mktime", "1385856000"],
  ["[1e10,0,1,0,0,0,0,0] | mktime", "67767976233532800"],
  ["\"2015-03-05T23:51:47Z\" | fromdateiso8601", "1425599507"],
  ["\"2015-03-05T23:51:47.123Z\" | fromdateiso8601", "\"E:date \\\"2015-03-05T23:51:47.123Z\\\" does not match format \\\"%Y-%m-%dT%H:%M:%SZ\\\"\""],
  ["\"x\" | fromdateiso8601", "\"E:date \\\"x\\\" does not match format \\\"%Y-%m-%dT%H:%M:%SZ\\\"\""],
  ["1 | fromdateiso8601", "\"E:strptime/1 requires string inputs and arguments\""],
  ["1425599621 | strftime(\"%A, %B %d, %Y\")", "\"Thursday, March 05, 2015\""],
  ["[2015,2,5,23,51,47,9,400] | strftime(\"%A, %B %d, %Y\")", "\"?, March 05, 2015\""],
  ["[2015,12,5,25,51,47,-1,-1] | strftime(\"%A, %B %d, %Y\")", "\"?, ? 05, 2015\""],
  ["[2015,2,5,-3,-51,-47.5,0,0] | strftime(\"%A, %B %d, %Y\")", "\"Sunday, March 05, 2015\""],
  ["[1e10,2,5,0,0,0,0,0] | strftime(\"%A, %B %d, %Y\")", "\"Sunday, March 05, -2147483648\""],
  ["[-5,0,1,0,0,0,0,0] | strftime(\"%A, %B %d, %Y\")", "\"Sunday, January 01, -5\""],
  ["[2016,0,1,0,0,0,5,0] | strftime(\"%A, %B %d, %Y\")", "\"Friday, January 01, 2016\""],
  ["[2018,11,31,0,0,0,1,364] | strftime(\"%A, %B %d, %Y\")", "\"Monday, December 31, 2018\""],
  ["1425599621 | strftime(\"%c | %D | %e | %F | %G %g %V | %h %I %j %k %l %p %r %R %s %T %u %U %w %W %y %C %% %a %b %n%t|\")", "\"Thu Mar  5 23:53:41 2015 | 03/05/15 |  5 | 2015-03-05 | 2015 15 10 | Mar 11 064 23 11 PM 11:53:41 PM 23:53 1425599621 23:53:41 4 09 4 09 15 20 % Thu Mar \\n\\t|\""],
  ["[2015,2,5,23,51,47,9,400] | strftime(\"%c | %D | %e | %F | %G %g %V | %h %I %j %k %l %p %r %R %s %T %u %U %w %W %y %C %% %a %b %n%t|\")", "\"? Mar  5 23:51:47 2015 | 03/05/15 |  5 | 2015-03-05 | 2016 16 06 | Mar 11 401 23 11 PM 11:51:47 PM 23:51 1425599507 23:51:47 2 56 9 58 15 20 % ? Mar \\n\\t|\""],
  ["[2015,12,5,25,51,47,-1,-1] | strftime(\"%c | %D | %e | %F | %G %g %V | %h %I %j %k %l %p %r %R %s %T %u %U %w %W %y %C %% %a %b %n%t|\")", "\"? ?  5 25:51:47 2015 | 13/05/15 |  5 | 2015-13-05 | 2014 14 52 | ? 13 000 25 13 PM 13:51:47 PM 25:51 1452045107 25:51:47 6 01 -1 00 15 20 % ? ? \\n\\t|\""],
  ["[2015,2,5,-3,-51,-47.5,0,0] | strftime(\"%c | %D | %e | %F | %G %g %V | %h %I %j %k %l %p %r %R %s %T %u %U %w %W %y %C %% %a %b %n%t|\")", "\"Sun Mar  5 -3:-51:-47 2015 | 03/05/15 |  5 | 2015-03-05 | 2014 14 52 | Mar -3 001 -3 -3 AM -3:-51:-47 AM -3:-51 1425499693 -3:-51:-47 7 01 0 00 15 20 % Sun Mar \\n\\t|\""],
  ["[1e10,2,5,0,0,0,0,0] | strftime(\"%c | %D | %e | %F | %G %g %V | %h %I %j %k %l %p %r %R %s %T %u %U %w %W %y %C %% %a %b %n%t|\")", "\"Sun Mar  5 00:00:00 -2147483648 | 03/05/48 |  5 | -2147483648-03-05 | 2147483647 47 52 | Mar 12 001  0 12 AM 12:00:00 AM 00:00 67767976239062400 00:00:00 7 01 0 00 48 -21474837 % Sun Mar \\n\\t|\""],
  ["[-5,0,1,0,0,0,0,0] | strftime(\"%c | %D | %e | %F | %G %g %V | %h %I %j %k %l %p %r %R %s %T %u %U %w %W %y %C %% %a %b %n%t|\")", "\"Sun Jan  1 00:00:00 -5 | 01/01/95 |  1 | -5-01-01 | -6 94 52 | Jan 12 001  0 12 AM 12:00:00 AM 00:00 -62324985600 00:00:00 7 01 0 00 95 -1 % Sun Jan \\n\\t|\""],
  ["[2016,0,1,0,0,0,5,0] | strftime(\"%c | %D | %e | %F | %G %g %V | %h %I %j %k %l %p %r %R %s %T %u %U %w %W %y %C %% %a %b %n%t|\")", "\"Fri Jan  1 00:00:00 2016 | 01/01/16 |  1 | 2016-01-01 | 2015 15 53 | Jan 12 001  0 12 AM 12:00:00 AM 00:00 1451606400 00:00:00 5 00 5 00 16 20 % Fri Jan \\n\\t|\""],
  ["[2018,11,31,0,0,0,1,364] | strftime(\"%c | %D | %e | %F | %G %g %V | %h %I %j %k %l %p %r %R %s %T %u %U %w %W %y %C %% %a %b %n%t|\")", "\"Mon Dec 31 00:00:00 2018 | 12/31/18 | 31 | 2018-12-31 | 2019 19 01 | Dec 12 365  0 12 AM 12:00:00 AM 00:00 1546214400 00:00:00 1 52 1 53 18 20 % Mon Dec \\n\\t|\""],
  ["1425599621 | strftime(\"%10A|%-d|%_m|%05e|%^a|%#b|%#p|%P|%-j|%3S|%_5Y|%Q|%5%|%Ey|%Od|%EH|%\")", "\"  Thursday|5| 3|00005|THU|MAR|pm|pm|64|041| 2015|%Q|    %|15|05|%EH|%\""],
  ["[2015,2,5,23,51,47,9,400] | strftime(\"%10A|%-d|%_m|%05e|%^a|%#b|%#p|%P|%-j|%3S|%_5Y|%Q|%5%|%Ey|%Od|%EH|%\")", "\"         ?|5| 3|00005|?|MAR|pm|pm|401|047| 2015|%Q|    %|15|05|%EH|%\""],
  ["[2015,12,5,25,51,47,-1,-1] | strftime(\"%10A|%-d|%_m|%05e|%^a|%#b|%#p|%P|%-j|%3S|%_5Y|%Q|%5%|%Ey|%Od|%EH|%\")", "\"         ?|5|13|00005|?|?|pm|pm|0|047| 2015|%Q|    %|15|05|%EH|%\""],
  ["[2015,2,5,-3,-51,-47.5,0,0] | strftime(\"%10A|%-d|%_m|%05e|%^a|%#b|%#p|%P|%-j|%3S|%_5Y|%Q|%5%|%Ey|%Od|%EH|%\")", "\"    Sunday|5| 3|00005|SUN|MAR|am|am|1|-47| 2015|%Q|    %|15|05|%EH|%\""],
  ["[1e10,2,5,0,0,0,0,0] | strftime(\"%10A|%-d|%_m|%05e|%^a|%#b|%#p|%P|%-j|%3S|%_5Y|%Q|%5%|%Ey|%Od|%EH|%\")", "\"    Sunday|5| 3|00005|SUN|MAR|am|am|1|000|-2147483648|%Q|    %|48|05|%EH|%\""],
  ["[-5,0,1,0,0,0,0,0] | strftime(\"%10A|%-d|%_m|%05e|%^a|%#b|%#p|%P|%-j|%3S|%_5Y|%Q|%5%|%Ey|%Od|%EH|%\")", "\"    Sunday|1| 1|00001|SUN|JAN|am|am|1|000|   -5|%Q|    %|95|01|%EH|%\""],
  ["[2016,0,1,0,0,0,5,0] | strftime(\"%10A|%-d|%_m|%05e|%^a|%#b|%#p|%P|%-j|%3S|%_5Y|%Q|%5%|%Ey|%Od|%EH|%\")", "\"    Friday|1| 1|00001|FRI|JAN|am|am|1|000| 2016|%Q|    %|16|01|%EH|%\""],
  ["[2018,11,31,0,0,0,1,364] | strftime(\"%10A|%-d|%_m|%05e|%^a|%#b|%#p|%P|%-j|%3S|%_5Y|%Q|%5%|%Ey|%Od|%EH|%\")", "\"    Monday|31|12|00031|MON|DEC|am|am|365|000| 2018|%Q|    %|18|31|%EH|%\""],
  ["1425599621 | strftime(\"%-5d|%_3H|%08s|%^B|%#Z|%Z %z|%6z|%Eb|%#Eb|%Oe|%x %X|%20c|%^c|%^E%|%O%\")", "\"    5| 23|1425599621|MARCH|utc|UTC +0000|     +000000|%Eb|%#EB| 5|03/05/15 23:53:41|Thu Mar  5 23:53:41 2015|THU MAR  5 23:53:41 2015|%|%\""],
  ["[2015,2,5,23,51,47,9,400] | strftime(\"%-5d|%_3H|%08s|%^B|%#Z|%Z %z|%6z|%Eb|%#Eb|%Oe|%x %X|%20c|%^c|%^E%|%O%\")", "\"    5| 23|1425599507|MARCH|utc|UTC +0000|     +000000|%Eb|%#EB| 5|03/05/15 23:51:47|? Mar  5 23:51:47 2015|? MAR  5 23:51:47 2015|%|%\""],
  ["[2015,12,5,25,51,47,-1,-1] | strftime(\"%-5d|%_3H|%08s|%^B|%#Z|%Z %z|%6z|%Eb|%#Eb|%Oe|%x %X|%20c|%^c|%^E%|%O%\")", "\"    5| 25|1452045107|?|utc|UTC +0000|     +000000|%Eb|%#EB| 5|13/05/15 25:51:47|? ?  5 25:51:47 2015|? ?  5 25:51:47 2015|%|%\""],
  ["[2015,2,5,-3,-51,-47.5,0,0] | strftime(\"%-5d|%_3H|%08s|%^B|%#Z|%Z %z|%6z|%Eb|%#Eb|%Oe|%x %X|%20c|%^c|%^E%|%O%\")", "\"    5| -3|1425499693|MARCH|utc|UTC +0000|     +000000|%Eb|%#EB| 5|03/05/15 -3:-51:-47|Sun Mar  5 -3:-51:-47 2015|SUN MAR  5 -3:-51:-47 2015|%|%\""],
  ["[1e10,2,5,0,0,0,0,0] | strftime(\"%-5d|%_3H|%08s|%^B|%#Z|%Z %z|%6z|%Eb|%#Eb|%Oe|%x %X|%20c|%^c|%^E%|%O%\")", "\"    5|  0|67767976239062400|MARCH|utc|UTC +0000|     +000000|%Eb|%#EB| 5|03/05/48 00:00:00|Sun Mar  5 00:00:00 -2147483648|SUN MAR  5 00:00:00 -2147483648|%|%\""],
  ["[-5,0,1,0,0,0,0,0] | strftime(\"%-5d|%_3H|%08s|%^B|%#Z|%Z %z|%6z|%Eb|%#Eb|%Oe|%x %X|%20c|%^c|%^E%|%O%\")", "\"    1|  0|-62324985600|JANUARY|utc|UTC +0000|     +000000|%Eb|%#EB| 1|01/01/95 00:00:00|Sun Jan  1 00:00:00 -5|SUN JAN  1 00:00:00 -5|%|%\""],
  ["[2016,0,1,0,0,0,5,0] | strftime(\"%-5d|%_3H|%08s|%^B|%#Z|%Z %z|%6z|%Eb|%#Eb|%Oe|%x %X|%20c|%^c|%^E%|%O%\")", "\"    1|  0|1451606400|JANUARY|utc|UTC +0000|     +000000|%Eb|%#EB| 1|01/01/16 00:00:00|Fri Jan  1 00:00:00 2016|FRI JAN  1 00:00:00 2016|%|%\""],
  ["[2018,11,31,0,0,0,1,364] | strftime(\"%-5d|%_3H|%08s|%^B|%#Z|%Z %z|%6z|%Eb|%#Eb|%Oe|%x %X|%20c|%^c|%^E%|%O%\")", "\"   31|  0|1546214400|DECEMBER|utc|UTC +0000|     +000000|%Eb|%#EB|31|12/31/18 00:00:00|Mon Dec 31 00:00:00 2018|MON DEC 31 00:00:00 2018|%|%\""],
  ["1425599621 | strftime(\"\")", "\"E:strftime/1: unknown system failure\""],
  ["[2015,2,5,23,51,47,9,400] | strftime(\"\")", "\"E:strftime/1: unknown system failure\""],
  ["[2015,12,5,25,51,47,-1,-1] | strftime(\"\")", "\"E:strftime/1: unknown system failure\""],
  ["[2015,2,5,-3,-51,-47.5,0,0] | strftime(\"\")", "\"E:strftime/1: unknown system failure\""],
  ["[1e10,2,5,0,0,0,0,0] | strftime(\"\")", "\"E:strftime/1: unknown system failure\""],
  ["[-5,0,1,0,0,0,0,0] | strftime(\"\")", "\"E:strftime/1: unknown system failure\""],
  ["[2016,0,1,0,0,0,5,0] | strftime(\"\")", "\"E:strftime/1: unknown system failure\""],
  ["[2018,11,31,0,0,0,1,364] | strftime(\"\")", "\"E:strftime/1: unknown system failure\""],
  ["1425599621 | strftime(\"%98Y\")", "\"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000002015\""],
  ["[2015,2,5,23,51,47,9,400] | strftime(\"%98Y\")", "\"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000002015\""],
  ["[2015,12,5,25,51,47,-1,-1] | strftime(\"%98Y\")", "\"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000002015\""],
  ["[2015,2,5,-3,-51,-47.5,0,0] | strftime(\"%98Y\")", "\"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000002015\""],
  ["[1e10,2,5,0,0,0,0,0] | strftime(\"%98Y\")", "\"-0000000000000000000000000000000000000000000000000000000000000000000000000000000000000002147483648\""],
  ["[-5,0,1,0,0,0,0,0] | strftime(\"%98Y\")", "\"-0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000005\""],
  ["[2016,0,1,0,0,0,5,0] | strftime(\"%98Y\")", "\"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000002016\""],
  ["[2018,11,31,0,0,0,1,364] | strftime(\"%98Y\")", "\"00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000002018\""],
  ["1425599621 | strftime(\"%99Y\")", "\"000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000002015\""],
  ["[2015,2,5,23,51,47,9,400] | strftime(\"%99Y\")", "\"000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000002015\""],
  ["[2015,12,5,25,51,47,-1,-1] | strftime(\"%99Y\")", "\"000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000002015\""],
  ["[2015,2,5,-3,-51,-47.5,0,0] | strftime(\"%99Y\")", "\"000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000002015\""],
  ["[1e10,2,5,0,0,0,0,0] | strftime(\"%99Y\")", "\"-00000000000000000000000000000000000000000000000000000000000000000000000000000000000000002147483648\""],
  ["[-5,0,1,0,0,0,0,0] | strftime(\"%99Y\")", "\"-00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000005\""],
  ["[2016,0,1,0,0,0,5,0] | strftime(\"%99Y\")", "\"000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000002016\""],
  ["[2018,11,31,0,0,0,1,364] | strftime(\"%99Y\")", "\"000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000002018\""],
  ["1425599621 | strftime(\"x%5\")", "\"x   %5\""],
  ["[2015,2,5,23,51,47,9,400] | strftime(\"x%5\")", "\"x   %5\""],
  ["[2015,12,5,25,51,47,-1,-1] | strftime(\"x%5\")", "\"x   %5\""],
  ["[2015,2,5,-3,-51,-47.5,0,0] | strftime(\"x%5\")", "\"x   %5\""],
  ["[1e10,2,5,0,0,0,0,0] | strftime(\"x%5\")", "\"x   %5\""],
  ["[-5,0,1,0,0,0,0,0] | strftime(\"x%5\")", "\"x   %5\""],
  ["[2016,0,1,0,0,0,5,0] | strftime(\"x%5\")", "\"x   %5\""],
  ["[2018,11,31,0,0,0,1,364] | strftime(\"x%5\")", "\"x   %5\""],
  ["1425599621 | strftime(\"\\u00e9%Y\\u00e9\")", "\"\u00e92015\u00e9\""],
  ["[2015,2,5,23,51,47,9,400] | strftime(\"\\u00e9%Y\\u00e9\")", "\"\u00e92015\u00e9\""],
  ["[2015,12,5,25,51,47,-1,-1] | strftime(\"\\u00e9%Y\\u00e9\")", "\"\u00e92015\u00e9\""],
  ["[2015,2,5,-3,-51,-47.5,0,0] | strftime(\"\\u00e9%Y\\u00e9\")", "\"\u00e92015\u00e9\""],
  ["[1e10,2,5,0,0,0,0,0] | strftime(\"\\u00e9%Y\\u00e9\")", "\"\u00e9-2147483648\u00e9\""],
  ["[-5,0,1,0,0,0,0,0] | strftime(\"\\u00e9%Y\\u00e9\")", "\"\u00e9-5\u00e9\""],
  ["[2016,0,1,0,0,0,5,0] | strftime(\"\\u00e9%Y\\u00e9\")", "\"\u00e92016\u00e9\""],
  ["[2018,11,31,0,0,0,1,364] | strftime(\"\\u00e9%Y\\u00e9\")", "\"\u00e92018\u00e9\""],
  ["1425599621 | strftime(\"%U %W %V %G %g %j %u %w\")", "\"09 09 10 2015 15 064 4 4\""],
  ["[2015,2,5,23,51,47,9,400] | strftime(\"%U %W %V %G %g %j %u %w\")", "\"56 58 06 2016 16 401 2 9\""],
  ["[2015,12,5,25,51,47,-1,-1] | strftime(\"%U %W %V %G %g %j %u %w\")", "\"01 00 52 2014 14 000 6 -1\""],
  ["[2015,2,5,-3,-51,-47.5,0,0] | strftime(\"%U %W %V %G %g %j %u %w\")", "\"01 00 52 2014 14 001 7 0\""],
  ["[1e10,2,5,0,0,0,0,0] | strftime(\"%U %W %V %G %g %j %u %w\")", "\"01 00 52 2147483647 47 001 7 0\""],
  ["[-5,0,1,0,0,0,0,0] | strftime(\"%U %W %V %G %g %j %u %w\")", "\"01 00 52 -6 94 001 7 0\""],
  ["[2016,0,1,0,0,0,5,0] | strftime(\"%U %W %V %G %g %j %u %w\")", "\"00 00 53 2015 15 001 5 5\""],
  ["[2018,11,31,0,0,0,1,364] | strftime(\"%U %W %V %G %g %j %u %w\")", "\"52 53 01 2019 19 365 1 1\""],
  ["\"x\" | strftime(\"%Y\")", "\"E:strftime/1 requires parsed datetime inputs\""],
  ["[1] | strftime(\"%Y\")", "\"E:strftime/1 requires parsed datetime inputs\""],
  ["[2015,1,1,1,1,1] | strftime(\"%Y\")", "\"E:strftime/1 requires parsed datetime inputs\""],
  ["[\"a\"] | strftime(\"%Y\")", "\"E:strftime/1 requires parsed datetime inputs\""],
  ["[2015,1,1,1,1,1,1,1] | strftime(1)", "\"E:strftime/1 requires a string format\""],
  // jq 1.6 aborts here (assertion in jv_array_get); this engine reports gmtime's error instead.
  ["1e20 | strftime(\"%Y\")", "\"E:errror converting number of seconds since epoch to datetime\""],
  ["\"x\" | strflocaltime(\"%Y\")", "\"E:strflocaltime/1 requires parsed datetime inputs\""],
  ["[2015,1,1,1,1,1,1,1] | strflocaltime(1)", "\"E:strflocaltime/1 requires a string format\""],
  ["[2015,1,1,1,1,1,1,1] | strflocaltime(\"\")", "\"E:strflocaltime/1: unknown system failure\""],
  ["1425599621 | strflocaltime(\"%c %Z\")", "\"Thu Mar  5 23:53:41 2015 UTC\""],
  ["\"2015-03-05T23:51:47Z\" | strptime(\"%Y-%m-%dT%H:%M:%SZ\")", "[2015,2,5,23,51,47,4,63]"],
  ["\"10:20\" | strptime(\"%H:%M\")", "[1900,0,0,10,20,0,8,367]"],
  ["\"2015 64\" | strptime(\"%Y %j\")", "[2015,2,5,0,0,0,4,63]"],
  ["\"Thu, 05 Mar 2015 23:51:47 +0100\" | strptime(\"%a, %d %b %Y %H:%M:%S %z\")", "[2015,2,5,23,51,47,4,63]"],
  ["\"1425599621\" | strptime(\"%s\")", "[2015,2,5,23,53,41,4,63]"],
  ["\"2015-03-05 trailing\" | strptime(\"%Y-%m-%d\")", "[2015,2,5,0,0,0,4,63,\" trailing\"]"],
  ["\"2015-03-05  \" | strptime(\"%Y-%m-%d\")", "[2015,2,5,0,0,0,4,63,\"  \"]"],
  ["\"2015-03-05x\" | strptime(\"%Y-%m-%d\")", "\"E:date \\\"2015-03-05x\\\" does not match format \\\"%Y-%m-%d\\\"\""],
  ["\"thursday MARCH 5 15\" | strptime(\"%A %B %e %y\")", "[2015,2,5,0,0,0,4,63]"],
  ["\"5 mar 69\" | strptime(\"%d %b %y\")", "[1969,2,5,0,0,0,3,63]"],
  ["\"5 mar 68\" | strptime(\"%d %b %y\")", "[2068,2,5,0,0,0,1,64]"],
  ["\"20 15\" | strptime(\"%C %y\")", "[2015,0,0,0,0,0,3,-1]"],
  ["\"20\" | strptime(\"%C\")", "[2000,0,0,0,0,0,5,-1]"],
  ["\"11:30 pm\" | strptime(\"%I:%M %p\")", "[1900,0,0,23,30,0,8,367]"],
  ["\"12:30 AM\" | strptime(\"%I:%M %p\")", "[1900,0,0,0,30,0,8,367]"],
  ["\"Thu Mar  5 23:51:47 2015\" | strptime(\"%c\")", "[2015,2,5,23,51,47,4,63]"],
  ["\"03/05/15\" | strptime(\"%D\")", "[2015,2,5,0,0,0,4,63]"],
  ["\"2015 10 3\" | strptime(\"%Y %U %w\")", "[2015,2,11,0,0,0,3,69]"],
  ["\"2015 10 3\" | strptime(\"%Y %W %w\")", "[2015,2,11,0,0,0,3,69]"],
  ["\"2015 10 3 12\" | strptime(\"%Y %W %w %m\")", "[2015,11,11,0,0,0,3,69]"],
  ["\"  2015\" | strptime(\"%Y\")", "[2015,0,0,0,0,0,3,-1]"],
  ["\"2015\" | strptime(\" %Y \")", "[2015,0,0,0,0,0,3,-1]"],
  ["\"99999\" | strptime(\"%Y\")", "\"E:date \\\"99999\\\" does not match format \\\"%Y\\\"\""],
  ["\"2015-3-5\" | strptime(\"%F\")", "[2015,2,5,0,0,0,4,63]"],
  ["\"12:00:00 PM\" | strptime(\"%r\")", "[1900,0,0,12,0,0,8,367]"],
  ["\"1 2\" | strptime(\"%u %V\")", "[1900,0,0,0,0,0,1,367]"],
  ["\"2015 EDT\" | strptime(\"%Y %Z\")", "[2015,0,0,0,0,0,3,-1]"],
  ["\"2015 +05:30\" | strptime(\"%Y %z\")", "[2015,0,0,0,0,0,3,-1]"],
  ["\"2015 Z\" | strptime(\"%Y %z\")", "[2015,0,0,0,0,0,3,-1]"],
  ["\"2015 +5\" | strptime(\"%Y %z\")", "\"E:date \\\"2015 +5\\\" does not match format \\\"%Y %z\\\"\""],
  ["\"%2015\" | strptime(\"%%%Y\")", "[2015,0,0,0,0,0,3,-1]"],
  ["\"2015\" | strptime(\"%Ey\")", "\"E:date \\\"2015\\\" does not match format \\\"%Ey\\\"\""],
  ["\"2015 15\" | strptime(\"%Ey %Ey\")", "\"E:date \\\"2015 15\\\" does not match format \\\"%Ey %Ey\\\"\""],
  ["\"15\" | strptime(\"%Oy\")", "[2015,0,0,0,0,0,3,-1]"],
  ["\"15 2015\" | strptime(\"%Od %Ey\")", "\"E:date \\\"15 2015\\\" does not match format \\\"%Od %Ey\\\"\""],
  ["\"Mar\" | strptime(\"%Ob\")", "[1900,2,0,0,0,0,3,58]"],
  ["\"2015\" | strptime(\"%Q\")", "\"E:date \\\"2015\\\" does not match format \\\"%Q\\\"\""],
  ["\"2015\" | strptime(\"%\")", "\"E:date \\\"2015\\\" does not match format \\\"%\\\"\""],
  ["\"\" | strptime(\"\")", "[1900,0,0,0,0,0,8,367]"],
  ["\"abc\" | strptime(\"\")", "\"E:date \\\"abc\\\" does not match format \\\"\\\"\""],
  ["\"366 2015\" | strptime(\"%j %Y\")", "[2015,24,31,0,0,0,5,365]"],
  ["\"366 2016\" | strptime(\"%j %Y\")", "[2016,11,31,0,0,0,6,365]"],
  ["\"1700000000\" | strptime(\"%s\")", "[2023,10,14,22,13,20,2,317]"],
  // strptime's derived fields outside the year, and jq's 367 "unset" day of year
  ["\"2015 52 0 2\" | strptime(\"%Y %W %w %m\")", "[2015,1,2,0,0,0,0,32]"],
  ["\"2015 0 0\" | strptime(\"%Y %U %w\")", "[2015,-1,-3,0,0,0,0,-4]"],
  ["\"2016 0 0\" | strptime(\"%Y %U %w\")", "[2016,-1,-369,0,0,0,0,-5]"],
  ["\"2015 53 6\" | strptime(\"%Y %U %w\")", "[2015,25,8,0,0,0,6,373]"],
  ["\"366 10 2015\" | strptime(\"%j %d %Y\")", "[2015,24,10,0,0,0,5,365]"],
  ["\"2015 +05:3\" | strptime(\"%Y %z\")", "\"E:date \\\"2015 +05:3\\\" does not match format \\\"%Y %z\\\"\""],
  ["\"15 03\" | strptime(\"%Od %Om\")", "\"E:date \\\"15 03\\\" does not match format \\\"%Od %Om\\\"\""],
  ["1425599621 | strftime(\"%^#p|%#Ea|%012s|%-6z|%_Oy|%^P\")", "\"pm|%#Ea|001425599621|     +     0|15|pm\""],
  ["\"1\" | strptime(1)", "\"E:strptime/1 requires string inputs and arguments\""],
  ["1 | strptime(\"%Y\")", "\"E:strptime/1 requires string inputs and arguments\""],
];
const NEW_YORK_CASES: [string, string][] = [
  ["1435708800 | localtime", "[2015,5,30,20,0,0,2,180]"],
  ["1420070400 | localtime", "[2014,11,31,19,0,0,3,364]"],
  ["-62135596801 | localtime", "[0,11,31,19,3,57,0,365]"],
  ["[2015,6,1,0,0,0,0,0] | mktime", "1435712400"],
  ["[2015,0,1,0,0,0,0,0] | mktime", "1420070400"],
  ["[2015,2,8,2,30,0,0,0] | mktime", "1425785400"],
  ["[2015,2,8,7,30,0,0,0] | mktime", "1425803400"],
  ["[2015,10,1,5,30,0,0,0] | mktime", "1446355800"],
  ["[2015,10,1,6,30,0,0,0] | mktime", "1446359400"],
  ["[1969,11,31,18,59,59,0,0] | mktime", "\"E:invalid gmtime representation\""],
  ["[1969,11,31,18,59,58,0,0] | mktime", "-18002"],
  ["\"2015-07-01T00:00:00Z\" | fromdate", "1435712400"],
  ["1435708800 | strflocaltime(\"%c %Z %z %s\")", "\"Tue Jun 30 20:00:00 2015 EST +0000 1435712400\""],
  ["1435708800 | strftime(\"%c %Z %z %s\")", "\"Wed Jul  1 00:00:00 2015 EST +0000 1435726800\""],
  ["\"1435708800\" | strptime(\"%s\")", "[2015,5,30,20,0,0,2,180]"],
  ["1435708800.5 | localtime", "[2015,5,30,20,0,0.5,2,180]"],
  ["[2015,6,1,0,0,0,0,0] | mktime | todate", "\"2015-07-01T01:00:00Z\""],
];

const FNS: Record<string, (v: Json, arg: Json) => Json> = {
  gmtime: (v) => gmtime(v),
  localtime: (v) => localtime(v),
  mktime: (v) => mktime(v),
  todateiso8601: (v) => todateiso8601(v),
  todate: (v) => todateiso8601(v),
  fromdateiso8601: (v) => fromdateiso8601(v),
  fromdate: (v) => fromdateiso8601(v),
  strftime: (v, f) => strftime(v, f),
  strflocaltime: (v, f) => strflocaltime(v, f),
  strptime: (v, f) => strptime(v, f),
};

/** Split at ` | ` outside string literals. */
function splitPipes(prog: string): string[] {
  const parts: string[] = [];
  let inString = false;
  let last = 0;
  for (let i = 0; i < prog.length; i++) {
    if (prog[i] === '\\') i++;
    else if (prog[i] === '"') inString = !inString;
    else if (!inString && prog.startsWith(' | ', i)) {
      parts.push(prog.slice(last, i));
      last = i + 3;
    }
  }
  parts.push(prog.slice(last));
  return parts;
}

/** Evaluate `input | f(arg) | g ...` of the tables. */
function evaluate(prog: string): string {
  const [input, ...calls] = splitPipes(prog);
  let v = JSON.parse(input!) as Json;
  try {
    for (const call of calls) {
      const m = /^(\w+)(?:\((.*)\))?$/.exec(call)!;
      v = FNS[m[1]!]!(v, m[2] === undefined ? null : (JSON.parse(m[2]) as Json));
    }
    return dumpJson(v);
  } catch (e) {
    expect(e).toBeInstanceOf(JqError);
    return dumpJson('E:' + (e as JqError).message);
  }
}

function inZone(tz: string): void {
  const saved = process.env['TZ'];
  beforeAll(() => {
    process.env['TZ'] = tz;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env['TZ'];
    else process.env['TZ'] = saved;
  });
}

describe('dates in UTC', () => {
  inZone('UTC');
  it.each(UTC_CASES)('%s', (prog, expected) => {
    expect(evaluate(prog)).toBe(expected);
  });
});

describe('dates in America/New_York (local time, DST)', () => {
  inZone('America/New_York');
  it('sees the zone', () => {
    expect(new Date(Date.UTC(2015, 6, 1)).getTimezoneOffset()).toBe(240);
  });
  it.each(NEW_YORK_CASES)('%s', (prog, expected) => {
    expect(evaluate(prog)).toBe(expected);
  });
});

describe('inputs are not mutated', () => {
  inZone('UTC');
  it('mktime and strftime leave the broken-down time alone', () => {
    const bdt: Json = [2015, 14, 40, 23, 51, 47.5, 0, 0];
    mktime(bdt);
    strftime(bdt, '%c');
    expect(bdt).toEqual([2015, 14, 40, 23, 51, 47.5, 0, 0]);
  });
});
