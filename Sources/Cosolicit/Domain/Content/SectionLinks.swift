/// What links in the workspace's `sections/` files become (`section_links`).
public enum SectionLinks: String, Keyword, Sendable {
  /// Links are shown as their text (the default): a section file is untrusted text.
  case text
  /// `http`, `https` and `mailto` links stay links; every other scheme is still text.
  case allowed
}
