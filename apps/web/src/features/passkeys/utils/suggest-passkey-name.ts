import { translate } from "../../../lib/i18n/use-t.ts";
import { parseUserAgent } from "../../../lib/user-agent.ts";

// A パスキー名 names the device the passkey lives on, as "iPhone" and "iPad" do, so the
// computer is "Mac" here where ログイン履歴 names its system, "macOS".
const deviceNames: Readonly<Record<string, string>> = { macOS: "Mac" };

/**
 * The パスキー名 the registration suggests: the browser and the system, e.g. "Chrome（Windows）",
 * so the list tells the customer's devices apart. No version: the passkey outlives it.
 * Empty when the user agent says neither (the customer then types a name). Worded in the
 * language of the moment (passkeysCatalog): it is only the form's starting value.
 */
export function suggestPasskeyName(userAgent: string): string {
  const { browser, system } = parseUserAgent(userAgent);
  const device = system === null ? null : (deviceNames[system] ?? system);
  if (browser && device) return translate("passkeys.suggestedName", { browser, device });
  return browser ?? device ?? "";
}
