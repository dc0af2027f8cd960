import { useId } from "react";
import { NavLink } from "react-router";
import { useT } from "../lib/i18n/use-t.ts";
import { appCatalog } from "./i18n.ts";
import { type MenuGroup as MenuGroupId, type ScreenKey, type ScreenRoute, screenRoutes } from "./screen-routes.ts";

interface MenuLink {
  /** Labelled with its title, `screens.<key>` in the app catalogue. */
  screen: ScreenKey;
  to: string;
  /** Screens that belong to this one, listed under its link (出金 → 出金申込履歴). */
  items?: readonly MenuLink[];
}

interface MenuGroup {
  /** The heading, a message id of the app catalogue. */
  label: MenuGroupId;
  items: readonly MenuLink[];
}

type MenuEntry = MenuLink | MenuGroup;

/** The member menu, in the screens table's order: a group appears where its first screen is. */
function buildMenu(): MenuEntry[] {
  const entries: MenuEntry[] = [];
  const groups = new Map<MenuGroupId, MenuLink[]>();
  const links = new Map<ScreenKey, MenuLink & { items: MenuLink[] }>();
  for (const [key, screen] of Object.entries(screenRoutes) as [ScreenKey, ScreenRoute][]) {
    const { menu } = screen;
    if (menu === false) continue;
    const link = { screen: key, to: screen.path, items: [] };
    links.set(key, link);
    if (menu === true) {
      entries.push(link);
    } else if ("under" in menu) {
      links.get(menu.under)?.items.push(link);
    } else {
      let items = groups.get(menu.group);
      if (!items) {
        items = [];
        groups.set(menu.group, items);
        entries.push({ label: menu.group, items });
      }
      items.push(link);
    }
  }
  return entries;
}

const appMenu = buildMenu();

function MenuLinkItem({ link }: { link: MenuLink }) {
  const { t } = useT(appCatalog);
  const linkId = useId();
  const items = link.items ?? [];
  return (
    <li className={items.length > 0 ? "kk-menu__item kk-menu__item--parent" : "kk-menu__item"}>
      {/* NavLink sets aria-current="page" on the current page; `end` keeps "/" from matching everything. */}
      <NavLink className="kk-menu__link" id={linkId} to={link.to} end>
        {t(`screens.${link.screen}`)}
      </NavLink>
      {items.length > 0 && (
        <ul className="kk-menu__sublist" aria-labelledby={linkId}>
          {items.map((item) => (
            <MenuLinkItem key={item.to} link={item} />
          ))}
        </ul>
      )}
    </li>
  );
}

function MenuGroupItem({ group }: { group: MenuGroup }) {
  const { t } = useT(appCatalog);
  const labelId = useId();
  return (
    <li className="kk-menu__group">
      <p className="kk-menu__group-label" id={labelId}>
        {t(group.label)}
      </p>
      <ul className="kk-menu__sublist" aria-labelledby={labelId}>
        {group.items.map((link) => (
          <MenuLinkItem key={link.to} link={link} />
        ))}
      </ul>
    </li>
  );
}

function isGroup(entry: MenuEntry): entry is MenuGroup {
  return !("to" in entry);
}

/** Rendered inside PageLayout's <nav aria-label="メニュー">. */
export function AppMenu() {
  return (
    <ul className="kk-menu">
      {appMenu.map((entry) =>
        isGroup(entry) ? (
          <MenuGroupItem key={entry.label} group={entry} />
        ) : (
          <MenuLinkItem key={entry.to} link={entry} />
        ),
      )}
    </ul>
  );
}
