import { translate } from "../../../lib/i18n/use-t.ts";
import { parseUserAgent } from "../../../lib/user-agent.ts";

const MAX_RAW_LENGTH = 40;

/**
 * "Mozilla/5.0 (Windows NT 10.0; …) … Chrome/131.0.0.0 …" → "Chrome 131（Windows）".
 * An agent no browser is recognised in is shown as sent (shortened), so the customer still
 * sees what signed in, e.g. a script. Worded in the current language (loginHistoryCatalog):
 * the components that call it name that catalogue, so they re-render on a switch.
 */
export function describeUserAgent(userAgent: string | null): string {
  if (!userAgent) return translate("loginHistory.unknown");
  const { browser, majorVersion, system } = parseUserAgent(userAgent);
  if (browser) {
    const name = majorVersion ? `${browser} ${majorVersion}` : browser;
    return system ? translate("loginHistory.userAgent", { browser: name, system }) : name;
  }
  return userAgent.length > MAX_RAW_LENGTH ? `${userAgent.slice(0, MAX_RAW_LENGTH)}…` : userAgent;
}
