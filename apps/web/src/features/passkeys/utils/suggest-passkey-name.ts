// Order matters: Edge and Opera also say "Chrome", and Chrome also says "Safari".
const browsers: ReadonlyArray<readonly [RegExp, string]> = [
  [/Edg(?:e|A|iOS)?\//, "Edge"],
  [/OPR\//, "Opera"],
  [/SamsungBrowser\//, "Samsung Internet"],
  [/(?:Firefox|FxiOS)\//, "Firefox"],
  [/(?:Chrome|CriOS)\//, "Chrome"],
  [/Version\/[\d.]+ (?:Mobile\/\S+ )?Safari\//, "Safari"],
];

const systems: ReadonlyArray<readonly [RegExp, string]> = [
  [/iPhone/, "iPhone"],
  [/iPad/, "iPad"],
  [/Android/, "Android"],
  [/Windows/, "Windows"],
  [/CrOS/, "ChromeOS"],
  [/Macintosh|Mac OS X/, "Mac"],
  [/Linux/, "Linux"],
];

/**
 * The パスキー名 the registration suggests: the browser and the system, e.g. "Chrome（Windows）",
 * so the list tells the customer's devices apart. No version: the passkey outlives it.
 * Empty when the user agent says neither (the customer then types a name).
 */
export function suggestPasskeyName(userAgent: string): string {
  const browser = browsers.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = systems.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser && system) return `${browser}（${system}）`;
  return browser ?? system ?? "";
}
