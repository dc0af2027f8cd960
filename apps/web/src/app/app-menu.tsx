import { useId } from "react";
import { NavLink } from "react-router";
import { appMenu, type MenuEntry, type MenuGroup, type MenuLink } from "./menu.ts";

function MenuLinkItem({ link }: { link: MenuLink }) {
  const linkId = useId();
  const items = link.items ?? [];
  return (
    <li className={items.length > 0 ? "kk-menu__item kk-menu__item--parent" : "kk-menu__item"}>
      {/* NavLink sets aria-current="page" on the current page; `end` keeps "/" from matching everything. */}
      <NavLink className="kk-menu__link" id={linkId} to={link.to} end>
        {link.label}
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
