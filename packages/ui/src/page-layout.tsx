import { type KeyboardEvent, type MouseEvent, type ReactNode, useRef, useState } from "react";
import { classNames } from "./class-names.ts";
import { useUiText } from "./i18n.ts";

export const PAGE_TITLE_ID = "kk-page-title";
const MAIN_ID = "kk-main";
const MENU_ID = "kk-menu";

export interface PageLayoutProps {
  /** The page's single h1; also used for the document title. */
  title: string;
  /** Defaults to kakunin証券 (kakunin Securities in English). */
  productName?: string;
  /** Right side of the header, e.g. the customer's name and a ログアウト button. */
  headerEnd?: ReactNode;
  /** The language switch (日本語 / English, R36): in the header of every page, signed in or not. */
  languageSwitch?: ReactNode;
  /**
   * Menu content; wrapped in a labelled <nav>. Side column on wide screens; on phones behind
   * the header's 「メニュー」 button, so the page's own content comes first (issue 17).
   */
  menu?: ReactNode;
  /** Defaults to メニュー (Menu). */
  menuLabel?: string;
  footer?: ReactNode;
  children?: ReactNode;
}

export function PageLayout({
  title,
  productName: productNameProp,
  headerEnd,
  languageSwitch,
  menu,
  menuLabel: menuLabelProp,
  footer,
  children,
}: PageLayoutProps) {
  const t = useUiText();
  const productName = productNameProp ?? t("ui.productName");
  const menuLabel = menuLabelProp ?? t("ui.layout.menu");
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const closeMenu = (returnFocus: boolean) => {
    setMenuOpen(false);
    if (returnFocus) menuButton.current?.focus();
  };
  // Choosing a screen closes the phone menu: the new page's content is what comes next.
  const onMenuClick = (event: MouseEvent<HTMLElement>) => {
    if ((event.target as HTMLElement).closest("a")) closeMenu(false);
  };
  const onMenuKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === "Escape" && menuOpen) closeMenu(true);
  };
  return (
    <div className="kk-layout">
      {/* React 19 hoists <title> into <head>; a distinct title per page helps screen-reader users (WCAG 2.4.2). */}
      <title>{`${title} | ${productName}`}</title>
      <a className="kk-skip-link" href={`#${MAIN_ID}`}>
        {t("ui.layout.skipToMain")}
      </a>
      <header className="kk-layout__header">
        <div className="kk-layout__header-inner">
          <p className="kk-layout__brand">{productName}</p>
          {menu != null && (
            <button
              ref={menuButton}
              type="button"
              className="kk-button kk-button--secondary kk-layout__menu-button"
              aria-expanded={menuOpen}
              aria-controls={MENU_ID}
              onClick={() => setMenuOpen((open) => !open)}
              onKeyDown={onMenuKeyDown}
            >
              {menuOpen ? t("ui.layout.closeMenu") : menuLabel}
            </button>
          )}
          {languageSwitch}
          {headerEnd && <div className="kk-layout__header-end">{headerEnd}</div>}
        </div>
      </header>
      <div className={classNames("kk-layout__body", menu != null && "kk-layout__body--with-menu")}>
        {menu != null && (
          <nav
            id={MENU_ID}
            className={classNames("kk-layout__menu", menuOpen && "kk-layout__menu--open")}
            aria-label={menuLabel}
            onClick={onMenuClick}
            onKeyDown={onMenuKeyDown}
          >
            {menu}
          </nav>
        )}
        <main className="kk-layout__main" id={MAIN_ID}>
          {/* tabIndex -1 lets the app move focus here after client-side navigation. */}
          <h1 className="kk-layout__title" id={PAGE_TITLE_ID} tabIndex={-1}>
            {title}
          </h1>
          {children}
        </main>
      </div>
      <footer className="kk-layout__footer">
        <div className="kk-layout__footer-inner">{footer ?? <small>© {productName}</small>}</div>
      </footer>
    </div>
  );
}
