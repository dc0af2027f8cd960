// Order matters: Edge and Opera also say "Chrome", and Chrome also says "Safari".
const browsers: ReadonlyArray<readonly [RegExp, string]> = [
  [/Edg(?:e|A|iOS)?\/(\d+)/, "Edge"],
  [/OPR\/(\d+)/, "Opera"],
  [/SamsungBrowser\/(\d+)/, "Samsung Internet"],
  [/(?:Firefox|FxiOS)\/(\d+)/, "Firefox"],
  [/(?:Chrome|CriOS)\/(\d+)/, "Chrome"],
  [/Version\/(\d+)[\d.]* (?:Mobile\/\S+ )?Safari\//, "Safari"],
];

const systems: ReadonlyArray<readonly [RegExp, string]> = [
  [/iPhone/, "iPhone"],
  [/iPad/, "iPad"],
  [/Android/, "Android"],
  [/Windows/, "Windows"],
  [/CrOS/, "ChromeOS"],
  [/Macintosh|Mac OS X/, "macOS"],
  [/Linux/, "Linux"],
];

const MAX_RAW_LENGTH = 40;

/** "Mozilla/5.0 (Windows NT 10.0; …) … Chrome/131.0.0.0 …" → "Chrome 131（Windows）". */
export function describeUserAgent(userAgent: string | null): string {
  if (!userAgent) return "不明";
  const system = systems.find(([pattern]) => pattern.test(userAgent))?.[1];
  for (const [pattern, name] of browsers) {
    const version = pattern.exec(userAgent)?.[1];
    if (version) return system ? `${name} ${version}（${system}）` : `${name} ${version}`;
  }
  return userAgent.length > MAX_RAW_LENGTH ? `${userAgent.slice(0, MAX_RAW_LENGTH)}…` : userAgent;
}
