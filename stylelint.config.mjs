// stylelint (pinned in package.json) for docs/stylesheets/; `make lint` runs it. It starts from
// stylelint-config-standard: its checks of what a browser would misread (unknown properties,
// units, functions and at-rules, invalid colors, duplicate properties and selectors, an unclosed
// block, which postcss refuses to parse) all apply. What changes, and why:
// BEM names, as CONTRIBUTING's CSS vocabulary writes them (.guide-tool__ui, .is-*) and Material
// writes its own (.md-nav__link--active, --md-default-fg-color--light): block, __element, --modifier.
const BEM = "^[a-z][a-z0-9]*(-[a-z0-9]+)*(__[a-z0-9]+(-[a-z0-9]+)*)?(--[a-z0-9]+(-[a-z0-9]+)*)?$";

export default {
  extends: ["stylelint-config-standard"],
  rules: {
    "selector-class-pattern": [BEM, { message: (name) => `Expected class "${name}" to be BEM: block__element--modifier` }],
    "custom-property-pattern": [BEM, { message: (name) => `Expected custom property "--${name}" to be BEM: block--modifier` }],
    // Media queries in Material's own notation, (min-width: 76.25em), as its breakpoints are written.
    "media-feature-range-notation": "prefix",
    // Layout only: guide.css writes one rule per line and groups a component's rules without blank
    // lines, under a comment. Standard's blank-line and one-declaration-per-line rules would reflow
    // the whole file for no change a reader of the site sees.
    "declaration-block-single-line-max-declarations": null,
    "rule-empty-line-before": null,
    "at-rule-empty-line-before": null,
    "comment-empty-line-before": null,
    // It compares selectors of different components that end in the same element (`p`, `label`,
    // `.md-button` in a notice and in a tool), which never match the same element; sorting the
    // file by specificity instead of by component would change the cascade it was written for.
    "no-descending-specificity": null,
  },
};
