import { BROWSER_MAP, parse } from "bowser";

/** What the screens show of a user agent; null where bowser does not recognise it. */
export interface UserAgentSummary {
  browser: string | null;
  majorVersion: string | null;
  system: string | null;
}

// bowser's names are long for a table cell or a パスキー名; the screens use the short ones
// customers know. Names not listed here are shown as bowser gives them.
const browserNames: Readonly<Record<string, string>> = {
  "Microsoft Edge": "Edge",
  "Samsung Internet for Android": "Samsung Internet",
};

const systemNames: Readonly<Record<string, string>> = {
  "Chrome OS": "ChromeOS",
};

// bowser's last rule guesses a name for any agent, e.g. "Mozilla" from
// "Mozilla/5.0 (Windows NT 10.0)" or "myapp/1.0 CFNetwork"; only the browsers it knows count,
// so an unknown agent stays unknown and the screens show it as sent.
const knownBrowsers: ReadonlySet<string> = new Set(Object.values(BROWSER_MAP));

// On iOS the device ("iPhone", "iPad") tells the customer more than the system's name does.
const appleDevices: ReadonlySet<string> = new Set(["iPhone", "iPad", "iPod"]);

function present(value: string | undefined): string | null {
  return value ? value : null;
}

function systemOf(os: string | undefined, model: string | undefined): string | null {
  if (os === "iOS") return model && appleDevices.has(model) ? model : "iOS";
  const name = present(os);
  return name === null ? null : (systemNames[name] ?? name);
}

/** "… Chrome/131.0.0.0 …" on Windows → { browser: "Chrome", majorVersion: "131", system: "Windows" }. */
export function parseUserAgent(userAgent: string): UserAgentSummary {
  const { browser, os, platform } = parse(userAgent);
  const name = browser.name && knownBrowsers.has(browser.name) ? browser.name : null;
  return {
    browser: name === null ? null : (browserNames[name] ?? name),
    majorVersion: name === null ? null : present(browser.version?.split(".")[0]),
    system: systemOf(os.name, platform.model),
  };
}
