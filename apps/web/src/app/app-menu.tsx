import { useId } from "react";
import { NavLink } from "react-router";
import { appMenu, type MenuEntry, type MenuGroup, type MenuLink } from "./menu.ts";

function MenuLinkItem({ link }: { link: MenuLink }) {
  return (
    <li className="kk-menu__item">
      {/* NavLink sets aria-current="page" on the current page; `end` keeps "/" from matching everything. */}
      <NavLink className="kk-menu__link" to={link.to} end>
        {link.label}
      </NavLink>
    </li>
  );
}

function MenuGroupItem({ group }: { group: MenuGroup }) {
  const labelId = useId();
  return (
    <li className="kk-menu__group">
      <p className="kk-menu__group-label" id={labelId}>
        {group.label}
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
  return "items" in entry;
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
