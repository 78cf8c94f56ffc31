import type { FeatureModule } from '../../app/feature-module';

export const module: FeatureModule = {
  routes: [],
  menu: [],
};
