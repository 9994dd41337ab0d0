/**
 * Secrets over SecretStorage (a Map stands in for vscode.SecretStorage): asked once, stored,
 * shared between concurrent requests, forgotten with the connection, and remembered for masking.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { SecretKind } from "../../../client/src/connections/types";
import { ConnectionSecrets, type SecretVault } from "../../../client/src/extension/connections/connectionSecrets";
import { secretStorageKey } from "../../../client/src/extension/connections/secretKinds";

function mapVault(): SecretVault & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get: async (key) => map.get(key),
    store: async (key, value) => void map.set(key, value),
    delete: async (key) => void map.delete(key),
  };
}

function countingPrompt(answers: Array<string | undefined>) {
  const asked: Array<[string, SecretKind]> = [];
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return {
    asked,
    release,
    prompt: async (connection: string, kind: SecretKind) => {
      asked.push([connection, kind]);
      await gate;
      return answers.shift();
    },
  };
}

describe("connection secrets", () => {
  test("a missing secret is asked once, stored under its key, and read from storage afterwards", async () => {
    const vault = mapVault();
    const user = countingPrompt(["s3cret"]);
    user.release();
    const secrets = new ConnectionSecrets(vault, user.prompt);
    assert.equal(await secrets.get("dev", "password"), "s3cret");
    assert.equal(await secrets.get("dev", "password"), "s3cret");
    assert.deepEqual(user.asked, [["dev", "password"]]);
    assert.equal(vault.map.get(secretStorageKey("dev", "password")), "s3cret");
  });

  test("two requests needing the same secret at once share one question", async () => {
    const user = countingPrompt(["k1"]);
    const secrets = new ConnectionSecrets(mapVault(), user.prompt);
    const both = Promise.all([secrets.get("dev", "apikey"), secrets.get("dev", "apikey")]);
    await new Promise((resolve) => setImmediate(resolve));
    user.release();
    assert.deepEqual(await both, ["k1", "k1"]);
    assert.equal(user.asked.length, 1);
  });

  test("cancelling stores nothing, and the next use asks again", async () => {
    const vault = mapVault();
    const user = countingPrompt([undefined, ""]);
    user.release();
    const secrets = new ConnectionSecrets(vault, user.prompt);
    assert.equal(await secrets.get("dev", "apikey"), undefined);
    assert.equal(await secrets.get("dev", "apikey"), undefined, "an empty answer counts as no answer");
    assert.equal(user.asked.length, 2);
    assert.equal(vault.map.size, 0);
  });

  test("peek never asks", async () => {
    const user = countingPrompt([]);
    const secrets = new ConnectionSecrets(mapVault(), user.prompt);
    assert.equal(await secrets.peek("dev", "apikey"), undefined);
    assert.equal(user.asked.length, 0);
  });

  test("forget deletes every kind of one connection only; rename moves them", async () => {
    const vault = mapVault();
    const secrets = new ConnectionSecrets(vault, async () => undefined);
    await secrets.store("dev", "password", "p");
    await secrets.store("dev", "apikey", "k");
    await secrets.store("prod", "password", "q");
    await secrets.rename("dev", "dev2");
    assert.equal(await secrets.peek("dev", "password"), undefined);
    assert.equal(await secrets.peek("dev2", "password"), "p");
    assert.equal(await secrets.peek("dev2", "apikey"), "k");
    await secrets.forget("dev2");
    assert.deepEqual([...vault.map.keys()], [secretStorageKey("prod", "password")]);
  });

  test("the vault's change event: our own writes are ignored, another window's change names the connection", async () => {
    const vault = mapVault();
    const secrets = new ConnectionSecrets(vault, async () => undefined);
    const key = secretStorageKey("dev", "password");
    await secrets.store("dev", "password", "mine");
    assert.equal(await secrets.changedElsewhere(key), undefined);
    vault.map.set(key, "theirs");
    assert.equal(await secrets.changedElsewhere(key), "dev");
    assert.equal(await secrets.changedElsewhere(key), undefined, "seen once, it is known");
    assert.equal(await secrets.changedElsewhere("another.extension/key"), undefined);
  });

  test("every value seen stays listed for masking, even after it is forgotten", async () => {
    const secrets = new ConnectionSecrets(mapVault(), async () => "asked-value");
    await secrets.store("dev", "password", "stored-value");
    await secrets.get("prod", "apikey");
    await secrets.forget("dev");
    assert.deepEqual(secrets.values().sort(), ["asked-value", "stored-value"]);
  });
});
