/// The page's only style sheet, inline: readable on screen, and on paper one chart or chain step never
/// splits across pages.
extension RCAHTML {
  static let style = """
    body { font-family: sans-serif; color: #1d1d1d; max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem;
      line-height: 1.45; }
    h1 { font-size: 1.6rem; border-bottom: 2px solid #1d1d1d; padding-bottom: .3rem; }
    h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #cccccc; }
    code { font-family: monospace; background: #f3f3f3; padding: 0 .2rem; border-radius: 3px;
      overflow-wrap: anywhere; }
    .meta { color: #555555; }
    .cause { border-left: 5px solid #c0392b; background: #fbeeee; padding: .6rem .9rem; }
    ol.chain { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem; align-items: stretch; }
    ol.chain li { border: 2px solid #b9770e; background: #fdf2e9; border-radius: 6px; padding: .4rem .6rem;
      width: 12rem; font-size: .85rem; break-inside: avoid; }
    ol.chain li.role-cause { border-color: #c0392b; background: #fbeeee; }
    ol.chain li.side { border-style: dashed; }
    ol.chain li .step { font-weight: bold; }
    ol.chain li .time { color: #555555; }
    .chart { margin: .8rem 0; break-inside: avoid; }
    .chart svg { max-width: 100%; height: auto; border: 1px solid #e3e3e3; }
    table { border-collapse: collapse; width: 100%; font-size: .85rem; margin: .5rem 0; }
    th, td { border: 1px solid #d0d0d0; padding: .25rem .4rem; text-align: left; vertical-align: top; }
    th { background: #f3f3f3; }
    td.number { text-align: right; white-space: nowrap; }
    pre { background: #f3f3f3; padding: .5rem; overflow-x: auto; white-space: pre-wrap; }
    .evidence { font-size: .85rem; }
    .fill { color: #777777; font-style: italic; }
    @media print {
      body { max-width: none; margin: 0; font-size: 10pt; }
      h2 { break-after: avoid; }
      tr, li, pre { break-inside: avoid; }
      a { color: inherit; text-decoration: none; }
    }
    """
}
