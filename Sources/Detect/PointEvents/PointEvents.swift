/// Onsets that a segmentation does not give directly: where a ramp began, the first occurrence of something
/// new (a log template, a 5xx), a series reaching a known limit and staying there.
///
/// Non-finite values (NaN, ±∞) are gaps throughout: they neither count towards a run nor break it.
public enum PointEvents {}
