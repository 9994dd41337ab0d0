// `.env` files as the dotenv package reads them (its README's rules), which is what `$dotenv`
// users have already written for their other tools.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { parseDotenv } from "../../../client/src/variables/envSources";
import { resolverFor, WORKSPACE } from "./support";

const parsed = (lines: string[], eol = "\n") => Object.fromEntries(parseDotenv(lines.join(eol)));

test("plain values: trimmed, empty allowed, `=` inside kept, `export` and `KEY: value` accepted", () => {
  assert.deepEqual(parsed(["BASIC=basic", "EMPTY=", "  SPACED  =   with spaces  ", "EQ=a=b=c", "export EXPORTED=yes", "COLON: yaml"]), {
    BASIC: "basic",
    EMPTY: "",
    SPACED: "with spaces",
    EQ: "a=b=c",
    EXPORTED: "yes",
    COLON: "yaml",
  });
});

test("quotes: single, double and backticks are removed; the other quote kinds stay inside", () => {
  assert.deepEqual(parsed([`SINGLE='it "works"'`, `DOUBLE="it's here"`, "BACKTICK=`both ' and \"`", `JSON={"foo": "bar"}`]), {
    SINGLE: 'it "works"',
    DOUBLE: "it's here",
    BACKTICK: `both ' and "`,
    JSON: '{"foo": "bar"}',
  });
});

test("escapes: \\n and \\r expand inside double quotes only; other backslashes stay as written", () => {
  assert.deepEqual(parsed([`NL="line1\\nline2"`, `CR="a\\rb"`, `RAW='a\\nb'`, `BARE=a\\nb`, `PASSWORD="p\\\\w\\"d"`]), {
    NL: "line1\nline2",
    CR: "a\rb",
    RAW: "a\\nb",
    BARE: "a\\nb",
    PASSWORD: 'p\\\\w\\"d',
  });
});

test("comments: whole lines, and after an unquoted value; a # inside quotes is part of the value", () => {
  assert.deepEqual(parsed(["# COMMENTED=x", "INLINE=value # comment", "NOSPACE=abc#def", `HASH="a # b"`, "  # indented comment"]), {
    INLINE: "value",
    NOSPACE: "abc",
    HASH: "a # b",
  });
});

test("multi-line values in quotes (a PEM key, a JSON document), with LF or CRLF line ends", () => {
  const lines = ['CERT="-----BEGIN CERTIFICATE-----', "MIIBszCCAVmgAwIBAgIU", '-----END CERTIFICATE-----"', "AFTER=next", "BODY='{", '  "wonum": "1001"', "}'"];
  const expected = { CERT: "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----", AFTER: "next", BODY: '{\n  "wonum": "1001"\n}' };
  assert.deepEqual(parsed(lines), expected);
  assert.deepEqual(parsed(lines, "\r\n"), expected);
});

test("a later line with the same key wins; a BOM does not become part of the first key; an unclosed quote is kept", () => {
  assert.deepEqual(parsed(["\uFEFFFIRST=1", "DUP=first", "DUP=second", 'OPEN="abc', "NEXT=after"]), { FIRST: "1", DUP: "second", OPEN: '"abc', NEXT: "after" });
});

test("$dotenv resolves a multi-line quoted value and an escaped newline the same way", async () => {
  const files = { [join(WORKSPACE, ".env")]: 'NOTE="first\nsecond"\nESCAPED="first\\nsecond"\n' };
  const { resolver } = resolverFor('POST x\nContent-Type: application/json\n\n{"a": "{{$dotenv NOTE}}", "b": "{{$dotenv ESCAPED}}"}\n', { files });
  assert.equal((await resolver.resolve(0)).body, '{"a": "first\nsecond", "b": "first\nsecond"}');
});
