export { profileCustomers, anonymousCustomerId, type CustomerProfile, type ProfileOptions, type ProfileQuote } from './profile.js';
export {
  FEATURES,
  FEATURE_NAMES,
  FEATURE_GROUPS,
  FEATURE_SET_ID,
  OPTIONAL_FEATURES,
  VALUE_AXES,
  PROFILE_CHANNELS,
  describeFeature,
  type FeatureSpec,
  type FeatureGroup,
  type ValueAxis,
} from './features.js';
export { toneOf } from './sentiment.js';
