import type { Component } from 'vue';
import {
  Coin,
  DataAnalysis,
  Document,
  FirstAidKit,
  Grid,
  House,
  Money,
  Notebook,
  OfficeBuilding,
  Reading,
  School,
  Trophy,
  User,
  Van,
} from '@hyedu/ui';

/**
 * The icons a module's registry row may name: Element Plus icon names in kebab-case. The portal knows icons, not
 * modules; a name it does not know shows the fallback, so a new module with any icon name still gets its menu entry.
 */
export const MODULE_ICONS: Readonly<Record<string, Component>> = {
  coin: Coin,
  'data-analysis': DataAnalysis,
  document: Document,
  'first-aid-kit': FirstAidKit,
  house: House,
  money: Money,
  notebook: Notebook,
  'office-building': OfficeBuilding,
  reading: Reading,
  school: School,
  trophy: Trophy,
  user: User,
  van: Van,
};
export const FALLBACK_ICON: Component = Grid;

export const moduleIcon = (name: string): Component => (Object.hasOwn(MODULE_ICONS, name) ? MODULE_ICONS[name]! : FALLBACK_ICON);
