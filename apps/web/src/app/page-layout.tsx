import { PageLayout, type PageLayoutProps } from "@kakunin/ui/page-layout";
import { LanguageSwitch } from "../features/locale/components/language-switch.tsx";

/** Every page's layout, with the language switch in its header (R36). */
export function AppPageLayout(props: Omit<PageLayoutProps, "languageSwitch">) {
  return <PageLayout {...props} languageSwitch={<LanguageSwitch />} />;
}
