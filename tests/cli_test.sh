#!/bin/sh
# The recert CLI as a person uses it: exit codes, messages and the reports of
# the shipped examples. ctest runs it as
#   sh tests/cli_test.sh <path-to-recert> <source-dir>
# Each check prints what failed (command, expectation, what came out); the
# script exits 1 if any check failed.

if [ $# -ne 2 ]; then
    echo "usage: sh tests/cli_test.sh <path-to-recert> <source-dir>" >&2
    exit 2
fi
recert=$1
cd "$2" || { echo "cannot enter source dir $2" >&2; exit 1; }
if [ ! -x "$recert" ]; then
    echo "no recert binary at $recert" >&2
    exit 1
fi

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

checks=0
failures=0
desc=

# run DESCRIPTION ARGS...: runs recert ARGS; keeps stdout, stderr and the exit code.
# timeout: a regression that blocks (on a FIFO, say) fails its check instead of hanging.
run() {
    desc=$1
    shift
    timeout 60 "$recert" "$@" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    cmd="recert $*"
}

fail() {
    failures=$((failures + 1))
    echo "FAIL: $desc"
    echo "  command: $cmd"
    echo "  expected: $1"
    echo "  exit code: $rc"
    echo "  stdout (first 15 lines):"
    sed -n '1,15s/^/    /p' "$tmp/out"
    echo "  stderr (first 15 lines):"
    sed -n '1,15s/^/    /p' "$tmp/err"
}

check_rc() {
    checks=$((checks + 1))
    [ "$rc" -eq "$1" ] || fail "exit code $1"
}

# check_out / check_err TEXT: the output holds TEXT literally.
check_out() {
    checks=$((checks + 1))
    grep -qF -- "$1" "$tmp/out" || fail "stdout contains: $1"
}
check_err() {
    checks=$((checks + 1))
    grep -qF -- "$1" "$tmp/err" || fail "stderr contains: $1"
}
check_lacks_err() {
    checks=$((checks + 1))
    ! grep -qF -- "$1" "$tmp/err" || fail "stderr does not contain: $1"
}
check_out_lacks() {
    checks=$((checks + 1))
    ! grep -qF -- "$1" "$tmp/out" || fail "stdout does not contain: $1"
}

# check_pair LINE1 LINE2: in the pretty JSON on stdout, a line reading LINE1 is
# directly followed by a line reading LINE2 (leading spaces ignored). The report
# sorts keys, so "earned" comes just before "id" in each requirement and
# "amount" just before "id" in each fee: this ties a figure to its owner.
check_pair() {
    checks=$((checks + 1))
    awk -v a="$1" -v b="$2" '
        { sub(/^[ \t]+/, "") }
        prev == a && $0 == b { found = 1 }
        { prev = $0 }
        END { exit !found }' "$tmp/out" || fail "stdout has the line '$1' directly followed by '$2'"
}

# ---------------------------------------------------------------- validate

for f in programs/*.json programs/examples/*.json; do
    [ "$(basename "$f")" = schema.json ] && continue
    run "validate shipped file $f" validate "$f"
    check_rc 0
    check_out "$f: ok"
done

run "validate a program reports it as a program" validate programs/namss-cpcs.json
check_out "programs/namss-cpcs.json: ok (program)"
run "validate a log reports its size" validate programs/examples/namss-cpcs.json
check_out "programs/examples/namss-cpcs.json: ok (log, 1 credential, 20 entries)"

# A log a person could write, with an impossible date in its second entry.
cat >"$tmp/bad-date.json" <<'EOF'
{
  "format": "recert-log",
  "version": 1,
  "credentials": [{"id": "c1", "program": "namss-cpcs", "certified_on": "2023-03-01"}],
  "entries": [
    {"id": "e1", "title": "Webinar", "date": "2024-01-10", "credits": 1, "kind": "live_webinar"},
    {"id": "e2", "title": "Conference", "date": "2021-02-30", "credits": 3, "kind": "conference"}
  ]
}
EOF
run "validate a log with 2021-02-30 in entry 2" validate "$tmp/bad-date.json"
check_rc 1
check_err "$tmp/bad-date.json"
check_err "/entries/1/date"
check_err "2021-02-30"
check_out_lacks "ok"

# The same log with the date fixed is fine: the failure above is the date.
sed 's/2021-02-30/2021-02-28/' "$tmp/bad-date.json" >"$tmp/fixed-date.json"
run "validate the same log with the date fixed" validate "$tmp/fixed-date.json"
check_rc 0
check_out "$tmp/fixed-date.json: ok (log, 1 credential, 2 entries)"

# A trailing comma on line 5: the message points at the line and column.
cat >"$tmp/syntax.json" <<'EOF'
{
  "format": "recert-log",
  "version": 1,
  "entries": [
    {"id": "e1",}
  ]
}
EOF
run "validate a log with a JSON syntax error" validate "$tmp/syntax.json"
check_rc 1
check_err "$tmp/syntax.json"
check_err "line 5, column 17"

# A log from a newer Recert is refused, not misread.
cat >"$tmp/future.json" <<'EOF'
{"format": "recert-log", "version": 99, "credentials": [], "entries": [], "new_thing": true}
EOF
run "validate a log written by a newer version" validate "$tmp/future.json"
check_rc 1
check_err "$tmp/future.json"
check_err "/version"
check_err "newer"

# Unknown fields are kept, not refused: a log from a sibling tool still validates.
cat >"$tmp/extra.json" <<'EOF'
{"format": "recert-log", "version": 1, "exported_by": "elsewhere",
 "credentials": [{"id": "c1", "program": "dmec-clms", "certified_on": "2025-02-10", "colour": "blue"}],
 "entries": [{"id": "e1", "title": "Course", "date": "2025-03-01", "minutes": 80, "kind": "course", "rating": 5}]}
EOF
# A log is also checked against the programs its credentials name.
cat >"$tmp/nocert.json" <<'EOF'
{"format": "recert-log", "version": 1,
 "credentials": [{"id": "c1", "program": "namss-cpcs", "options": {"extension_requested": "yes"}}], "entries": []}
EOF
run "validate a log whose credential misses what its program needs" validate "$tmp/nocert.json"
check_rc 1
check_err "/credentials/0/options/extension_requested: must be true or false"
check_err "/credentials/0/certified_on: is required by namss-cpcs"

run "validate a log with unknown fields" validate "$tmp/extra.json"
check_rc 0
check_out "ok (log, 1 credential, 1 entry)"

# A topic no program of the log knows (a typo): a warning naming the entry, the credential
# and the program; the log is still valid and evaluates.
cat >"$tmp/typo.json" <<'EOF'
{"format": "recert-log", "version": 1,
 "credentials": [{"id": "c1", "program": "dmec-clms", "certified_on": "2025-02-10"}],
 "entries": [{"id": "e1", "title": "FMLA update", "date": "2025-03-01", "credits": 1, "kind": "live_webinar", "topics": ["fmla", "zzz"]}]}
EOF
run "validate a log with an unknown topic" validate "$tmp/typo.json"
check_rc 0
check_out "$tmp/typo.json: ok (log, 1 credential, 1 entry, 1 warning)"
check_err "$tmp/typo.json: /entries/0/topics/1: warning: credential c1, entry \"e1\": \"zzz\" is not a topic of dmec-clms: the entry is evaluated without it"
run "evaluate a log with an unknown topic" evaluate --log "$tmp/typo.json" --as-of 2026-11-26
check_rc 0
check_out '"what": "\"zzz\" is not a topic of dmec-clms: the entry is evaluated without it",'
check_out '"where": "/entries/0/topics/1"'
run "evaluate a log with an unknown topic, as text" evaluate --log "$tmp/typo.json" --as-of 2026-11-26 --format text
check_rc 0
check_out "Warnings"
check_out '"zzz" is not a topic of dmec-clms'
# A warning's title is cut and padded by characters, like every text column: never mid-character.
sed 's/"title": "FMLA update"/"title": "Évaluation des congés : FMLA, ADA et lois d’État, édition complète"/' "$tmp/typo.json" >"$tmp/typo-accented.json"
run "evaluate a log with an unknown topic on an accented title, as text" evaluate --log "$tmp/typo-accented.json" --as-of 2026-11-26 --format text
check_rc 0
check_out "    2025-03-01  Évaluation des congés : FMLA, ADA et lois d’  \"zzz\" is not a topic of dmec-clms: the entry is evaluated without it"

# Credits are exact: more decimals than a log may hold are refused, never rounded.
cat >"$tmp/precise.json" <<'EOF'
{"format": "recert-log", "version": 1, "credentials": [],
 "entries": [{"id": "e1", "title": "Course", "date": "2025-03-01", "credits": 1.234, "kind": "course"}]}
EOF
run "validate a log with 3 decimal places in credits" validate "$tmp/precise.json"
check_rc 1
check_err "/entries/0/credits"

echo '[]' >"$tmp/array.json"
run "validate a JSON file that is not a log" validate "$tmp/array.json"
check_rc 1
check_err "$tmp/array.json"

# Several files: each is reported, and one bad file makes the exit code 1.
run "validate a good and a bad file together" validate programs/examples/dmec-clms.json "$tmp/bad-date.json"
check_rc 1
check_out "programs/examples/dmec-clms.json: ok"
check_err "/entries/1/date"

run "validate a file that does not exist" validate "$tmp/nowhere.json"
check_rc 1
check_err "$tmp/nowhere.json"

run "validate with no file" validate
check_rc 2
check_err "usage"

# A program file must be named after its id.
cp programs/namss-cpcs.json "$tmp/renamed.json"
run "validate a program whose id is not its file name" validate "$tmp/renamed.json"
check_rc 1
check_err "/id"
check_err "renamed"

# ---------------------------------------------------------------- evaluate

cpcs=programs/examples/namss-cpcs.json

run "evaluate namss-cpcs 5 days before it is due" evaluate --log "$cpcs" --as-of 2026-11-26
check_rc 0
check_out '"as_of": "2026-11-26"'
check_out '"phase": "window_open"'
check_pair '"earned": 28.5,' '"id": "total",'
check_pair '"earned": 15.5,' '"id": "approved",'
check_out '"remaining": 1.5,'
check_out '"fees": []'
check_out '"excluded": "duplicate"'
check_out '"excluded": "outside_cycle"'
check_out '"excluded": "planned"'

run "evaluate namss-cpcs as text" evaluate --log "$cpcs" --as-of 2026-11-26 --format text
check_rc 0
check_out "Recert report as of 2026-11-26"
check_out "Cycle 2023-03-01 to 2026-12-01 (5 days left)"
check_out "1.5 to go"
check_out "Credit requirements not met yet."

run "evaluate namss-cpcs as text on the cycle's last day but one" evaluate --log "$cpcs" --as-of 2026-11-30 --format text
check_rc 0
check_out "Cycle 2023-03-01 to 2026-12-01 (1 day left)"
check_out "2026-12-01  Application and credits due without a late fee                    tomorrow"

run "evaluate namss-cpcs after the due date" evaluate --log "$cpcs" --as-of 2026-12-15
check_rc 0
check_out '"phase": "late",'
check_pair '"amount": 50,' '"id": "late",'

run "evaluate namss-cpcs in the reinstatement grace period" evaluate --log "$cpcs" --as-of 2027-02-01
check_rc 0
check_out '"phase": "grace",'
check_pair '"amount": 100,' '"id": "reinstatement",'

run "evaluate namss-cpcs the day after grace ends" evaluate --log "$cpcs" --as-of 2027-06-02
check_rc 0
check_out '"phase": "lapsed",'
check_out '"fees": []'

# An extension needs half the total credits by Dec 1; while it applies, credits earned after
# Dec 1 count toward the cycle being renewed.
cat >"$tmp/extension.json" <<'EOF'
{"format": "recert-log", "version": 1,
 "credentials": [{"id": "c1", "program": "namss-cpcs", "certified_on": "2023-03-01", "options": {"extension_requested": true}}],
 "entries": [
  {"id": "e1", "title": "NAMSS Conference", "date": "2025-09-10", "credits": 20, "kind": "conference", "approved": true},
  {"id": "e2", "title": "Webinar after Dec 1", "date": "2027-01-10", "credits": 10, "kind": "live_webinar"}
 ]}
EOF
run "evaluate namss-cpcs during an extension" evaluate --log "$tmp/extension.json" --as-of 2027-02-01 --format text
check_rc 0
check_out "Extension: submit your remaining CE certificates by the extended deadline."
check_out "Every credit requirement is met; still to do: submit the recertification application and pay the recertification fee."
check_out "    [    ] Submit the recertification application"
check_out "Extension fee"

# The steps besides credits: done, planned, or done for an earlier cycle; the renewal is
# ready only once every one is done.
sed 's/"options": {"extension_requested": true}}/"options": {"extension_requested": true}, "steps": {"application": "2027-01-20", "fee": "2027-03-01"}}/' \
    "$tmp/extension.json" >"$tmp/steps.json"
run "evaluate namss-cpcs with one step done and one planned, as text" evaluate --log "$tmp/steps.json" --as-of 2027-02-01 --format text
check_rc 0
check_out "    [done] Submit the recertification application          done 2027-01-20"
check_out "    [    ] Pay the recertification fee                     planned for 2027-03-01"
check_out "Every credit requirement is met; still to do: pay the recertification fee."
run "evaluate the DMEC example, whose events lack their certificates" evaluate --log programs/examples/dmec-clms.json --as-of 2026-11-26 --format text
check_rc 0
check_out "  For an audit, 7 activities lack their certificate."
check_out "    2025-03-18  DMEC Compliance Conference 2025               needs its certificate"
check_out_lacks "verification code"  # the example's events carry their CLMS codes
run "the same in JSON" evaluate --log programs/examples/dmec-clms.json --as-of 2026-11-26
check_out '"missing_evidence": ['
run "evaluate namss-cpcs with one step done and one planned" evaluate --log "$tmp/steps.json" --as-of 2027-02-01
check_rc 0
check_out '"complete": true,'
check_out '"ready": false,'
check_pair '"done": true,' '"done_on": "2027-01-20",'
run "evaluate namss-cpcs once every step is done" evaluate --log "$tmp/steps.json" --as-of 2027-03-01 --format text
check_rc 0
check_out "Every credit requirement is met."
check_out "    [done] Pay the recertification fee                     done 2027-03-01"
sed 's/"fee": "2027-03-01"/"fee": "2026-13-01"/' "$tmp/steps.json" >"$tmp/bad-step.json"
run "evaluate a log whose step date is not a date" evaluate --log "$tmp/bad-step.json" --as-of 2027-02-01
check_rc 1
check_err "/credentials/0/steps/fee"

sed 's/"credits": 20/"credits": 10/' "$tmp/extension.json" >"$tmp/no-extension.json"
run "evaluate namss-cpcs with an extension requested but less than half the credits by Dec 1" \
    evaluate --log "$tmp/no-extension.json" --as-of 2026-12-15 --format text
check_rc 0
check_out 'Late: you can still apply with the $50 late fee until December 31. No extension applies: an extension needs at least 15 of your 30 credits by 2026-12-01, and you had 10.'
check_out "outside_cycle: dated 2027-01-10, outside the cycle 2023-03-01 to 2026-12-01"
check_out "Late fee"

run "evaluate with the credential named" evaluate --log "$cpcs" --as-of 2026-11-26 --credential c1
check_rc 0
check_out '"id": "c1",'

run "evaluate without --as-of uses today" evaluate --log "$cpcs" --format text
check_rc 0
check_out "Recert report as of "

run "evaluate dmec-clms as text" evaluate --log programs/examples/dmec-clms.json --as-of 2026-11-26 --format text
check_rc 0
check_out "    \$100        Professional contribution processing fee (4 CEUs at \$25 each)"
check_out "2026-11-12  Recertification exam notifications are sent                       14 days ago"

run "evaluate dmec-clms" evaluate --log programs/examples/dmec-clms.json --as-of 2026-11-26
check_rc 0
check_pair '"amount": 100,' '"id": "processing",'
check_out '"excluded": "cap_reached",'
check_pair '"earned": 19.5,' '"id": "total",'

run "evaluate ala-clm-application" evaluate --log programs/examples/ala-clm-application.json --as-of 2026-11-26
check_rc 0
check_pair '"earned": 15.42,' '"id": "additional",'

run "evaluate ala-clm-recert" evaluate --log programs/examples/ala-clm-recert.json --as-of 2026-11-26
check_rc 0
check_pair '"earned": 4,' '"id": "li",'
check_pair '"earned": 3.25,' '"id": "cm",'

# Every shipped example evaluates cleanly in both formats.
for f in programs/examples/*.json; do
    for format in json text; do
        run "evaluate example $f as $format" evaluate --log "$f" --as-of 2026-11-26 --format "$format"
        check_rc 0
    done
done

# ---------------------------------------------------------------- evaluate: mistakes

# A certification so late that its cycle would end after 9999-12-31: named, not printed.
cat >"$tmp/late-cert.json" <<'EOF'
{"format": "recert-log", "version": 1,
 "credentials": [{"id": "c1", "program": "dmec-clms", "certified_on": "9998-06-01"}], "entries": []}
EOF
run "evaluate a credential certified in 9998" evaluate --log "$tmp/late-cert.json" --as-of 9998-07-01 --format text
check_rc 1
check_err "/credentials/0/certified_on: with dmec-clms, certified on 9998-06-01, the cycle would fall after 9999-12-31"
check_out_lacks "10000-"
run "validate a log certified in 9998" validate "$tmp/late-cert.json"
check_rc 1
check_err "/credentials/0/certified_on: with dmec-clms"

run "evaluate a credential the log does not have" evaluate --log "$cpcs" --as-of 2026-11-26 --credential nope
check_rc 1
check_err 'no credential "nope"'

sed 's/"program": "namss-cpcs"/"program": "no-such-program"/' "$cpcs" >"$tmp/unknown-program.json"
run "evaluate a log whose credential names an unknown program" evaluate --log "$tmp/unknown-program.json" --as-of 2026-11-26
check_rc 1
check_err "no-such-program"

run "evaluate with an impossible --as-of" evaluate --log "$cpcs" --as-of 2026-02-30
check_rc 2
check_err "2026-02-30"
run "evaluate with a malformed --as-of" evaluate --log "$cpcs" --as-of 26/11/2026
check_rc 2

run "evaluate without --log" evaluate --as-of 2026-11-26
check_rc 2
check_err "--log"

run "evaluate with --as-of missing its value" evaluate --log "$cpcs" --as-of
check_rc 2

run "evaluate with an unknown format" evaluate --log "$cpcs" --format xml
check_rc 2

run "evaluate with an unknown argument" evaluate --log "$cpcs" --verbose
check_rc 2

run "evaluate a log that does not exist" evaluate --log "$tmp/nowhere.json" --as-of 2026-11-26
check_rc 1
check_err "$tmp/nowhere.json"

run "evaluate a broken log" evaluate --log "$tmp/bad-date.json" --as-of 2026-11-26
check_rc 1
check_err "/entries/1/date"

# A folder of programs with one broken file: evaluation stops and names it.
mkdir "$tmp/programs"
cp programs/*.json "$tmp/programs/"
echo '{"format": "recert-program", "version": 1, "id": "broken"}' >"$tmp/programs/broken.json"
run "evaluate with a broken program in --programs" evaluate --log "$cpcs" --as-of 2026-11-26 --programs "$tmp/programs"
check_rc 1
check_err "broken.json"

# The same folder without the broken file works: the failure above is that file.
rm "$tmp/programs/broken.json"
run "evaluate with a good --programs folder" evaluate --log "$cpcs" --as-of 2026-11-26 --programs "$tmp/programs"
check_rc 0
check_out '"phase": "window_open"'

run "evaluate with --programs not a folder" evaluate --log "$cpcs" --programs "$tmp/no-such-folder"
check_rc 1
check_err "no-such-folder"

# Anything named *.json in the folder that is not a readable file stops the evaluation,
# named with what is wrong: never skipped, never an internal error, never a hang.
odd_program() {
    rm -rf "$tmp/odd"
    mkdir "$tmp/odd"
    cp programs/*.json "$tmp/odd/"
    what=$1
    shift
    "$@" || { failures=$((failures + 1)); echo "FAIL: could not make $what"; }
    run "evaluate with $what in --programs" evaluate --log "$cpcs" --as-of 2026-11-26 --programs "$tmp/odd"
    check_rc 1
    check_out_lacks '"phase"'
}
odd_program "a symbolic link that loops" ln -s loop.json "$tmp/odd/loop.json"
check_err "$tmp/odd/loop.json: is a symbolic link that loops: following it never reaches a file"
check_lacks_err "internal error"
odd_program "a dangling symbolic link" ln -s gone.json "$tmp/odd/dangling.json"
check_err "$tmp/odd/dangling.json: is a symbolic link to gone.json, which does not exist"
odd_program "a FIFO" mkfifo "$tmp/odd/fifo.json"
check_err "$tmp/odd/fifo.json: is a named pipe (FIFO), not a file: recert reads only regular files"
odd_program "a folder named x.json" mkdir "$tmp/odd/x.json"
check_err "$tmp/odd/x.json: is a folder, not a file"
odd_program "a link to /dev/zero" ln -s /dev/zero "$tmp/odd/zero.json"
check_err "$tmp/odd/zero.json: is a device, not a file: recert reads only regular files"
odd_program "a file it may not read" sh -c "echo '{}' >'$tmp/odd/secret.json' && chmod 000 '$tmp/odd/secret.json'"
if [ "$(id -u)" -ne 0 ]; then check_err "$tmp/odd/secret.json: cannot be read: Permission denied"; else check_err "$tmp/odd/secret.json: /format: is required"; fi
chmod 644 "$tmp/odd/secret.json"
# A link to a good program file is a program file.
rm -rf "$tmp/odd"
mkdir "$tmp/odd"
cp programs/*.json "$tmp/odd/"
rm "$tmp/odd/dmec-clms.json"
ln -s "$PWD/programs/dmec-clms.json" "$tmp/odd/dmec-clms.json"
run "evaluate with a link to a program file in --programs" evaluate --log "$cpcs" --as-of 2026-11-26 --programs "$tmp/odd"
check_rc 0
check_out '"phase": "window_open"'

# The same for files named on the command line.
mkfifo "$tmp/fifo.json"
run "validate a FIFO" validate "$tmp/fifo.json"
check_rc 1
check_err "$tmp/fifo.json: is a named pipe (FIFO), not a file: recert reads only regular files"
run "evaluate a FIFO as the log" evaluate --log "$tmp/fifo.json" --as-of 2026-11-26
check_rc 1
check_err "$tmp/fifo.json: is a named pipe (FIFO)"
run "validate /dev/zero" validate /dev/zero
check_rc 1
check_err "/dev/zero: is a device, not a file"
ln -s self.json "$tmp/self.json"
run "validate a symbolic link that loops" validate "$tmp/self.json"
check_rc 1
check_err "$tmp/self.json: is a symbolic link that loops"
check_lacks_err "internal error"
run "validate a folder" validate "$tmp/odd"
check_rc 1
check_err "$tmp/odd: is a folder, not a file"
# Past the size limit: refused by its size, before a byte is read.
truncate -s 33554433 "$tmp/big.json"
run "validate a file one byte over 32 MiB" validate "$tmp/big.json"
check_rc 1
check_err "$tmp/big.json: is larger than 32 MiB (33,554,432 bytes): not a Recert log or program"
truncate -s 33554432 "$tmp/big.json"
run "validate a file of exactly 32 MiB" validate "$tmp/big.json"
check_rc 1
check_err "$tmp/big.json: line 1, column 1"
rm -f "$tmp/big.json"

# A program file kept in the log (the page's "Use a program file..."): evaluated like a shipped one.
python3 - "$tmp/own.json" <<'PY'
import json, sys
program = json.load(open("programs/template/example-ces.json"))
log = {"format": "recert-log", "version": 1, "programs": [program],
       "credentials": [{"id": "c1", "program": "example-ces", "certified_on": "2025-03-01"}], "entries": []}
json.dump(log, open(sys.argv[1], "w"))
PY
run "evaluate a log that keeps its own program file" evaluate --log "$tmp/own.json" --as-of 2026-01-01 --format text
check_rc 0
check_out "Example Association CES renewal  [credential c1]"
run "validate a log that keeps its own program file" validate "$tmp/own.json"
check_rc 0
sed 's/"min": "24"/"min": "lots"/' "$tmp/own.json" >"$tmp/own-bad.json"
run "evaluate a log whose own program file does not read" evaluate --log "$tmp/own-bad.json" --as-of 2026-01-01
check_rc 1
check_err "/programs/0/requirements/0/min"

# ---------------------------------------------------------------- calendar
# tests/calendar/calendar.test.mjs reads the events with a real parser; here, the command line.

run "calendar of namss-cpcs" calendar --log "$cpcs" --as-of 2026-11-01
check_rc 0
check_out "BEGIN:VCALENDAR"
check_out "UID:recert-c1-20230301-due@recert"
run "calendar of one credential the log lacks" calendar --log "$cpcs" --credential nope
check_rc 1
check_err "no credential \"nope\""
run "calendar has no --format" calendar --log "$cpcs" --format text
check_rc 2
check_err "recert calendar: unknown argument --format"
run "calendar without --log" calendar
check_rc 2
check_err "recert calendar: --log is required"
run "calendar with a bad --as-of" calendar --log "$cpcs" --as-of 2026-02-30
check_rc 2
check_err "recert calendar: --as-of \"2026-02-30\" is not a real date"

# ---------------------------------------------------------------- packet
# tests/packet_test.cpp checks its words; here, the command line and the JSON it prints.

run "packet of namss-cpcs" packet --log "$cpcs" --as-of 2026-11-01 --name "Dana Reyes"
check_rc 0
check_out '"title": "Renewal packet: NAMSS CPCS"'
check_out '"Dana Reyes"'
check_out '"filename": "recert-packet-namss-cpcs-2026-11-01.pdf"'
python3 - "$cpcs" "$tmp/two.json" <<'PY'
import json, sys
log = json.load(open(sys.argv[1]))
second = dict(log["credentials"][0], id="c2")
log["credentials"].append(second)
json.dump(log, open(sys.argv[2], "w"))
PY
run "packet of a log with two credentials, none named" packet --log "$tmp/two.json"
check_rc 2
check_err "recert packet: the log holds 2 credentials: name one with --credential"
run "packet of the second credential" packet --log "$tmp/two.json" --credential c2 --as-of 2026-11-01
check_rc 0
check_out '"title": "Renewal packet: NAMSS CPCS"'
run "packet of one credential the log lacks" packet --log "$cpcs" --credential nope
check_rc 1
check_err "no credential \"nope\""
run "evaluate has no --name" evaluate --log "$cpcs" --name x
check_rc 2
check_err "recert evaluate: unknown argument --name"

# ---------------------------------------------------------------- top level

run "no command" 
check_rc 2
run "--help" --help
check_rc 0
check_out "recert validate"
check_out "recert evaluate"
check_out "recert calendar"
run "unknown command" frobnicate
check_rc 2
check_err "frobnicate"

echo "cli_test: $checks checks, $failures failed"
[ "$failures" -eq 0 ]
