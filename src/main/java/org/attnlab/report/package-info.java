/**
 * Report machinery shared by the paper audits ({@code attnlab reproduce <paper>}): checkpointed parallel
 * runs, writers (CSV, {@code claims.json}, Markdown), figures (PNG + SVG), a progress bar, and the small
 * statistics the verdicts use. Outside the core: may use Jackson, Commons CSV and XChart; the core never
 * imports this package.
 *
 * <h2>How an audit uses it (the stable API)</h2>
 * <pre>{@code
 * // 1. a plan: one unit per (setting, size, seed), in canonical order; each unit a pure function
 * List<Unit> plan = ...;
 * try (CheckpointStore store = CheckpointStore.open(out.resolve("checkpoint.jsonl"), fingerprint)) {
 *     // 2. run it on T threads; restored units are skipped; rows come back in plan order
 *     List<Row> rows = ParallelRunner.run("fig1a", plan, Unit::key,
 *             u -> compute(u, ParallelRunner.seedFor(seed, u.key())), store, threads, options.progress());
 *     // 3. write: CSV (fixed columns), claims.json, figures, report.md -- all through AtomicFiles
 *     CsvTable.write(out.resolve("rates.csv"), List.of("setting", "M", "seed", "error"), rows);
 *     Stats.SlopeEstimate s = Stats.medianSlope(sizes, errorsBySizeAndSeed, seed, 2000, 0.95);
 *     Claim.Verdict v = VerdictRule.insideIntervalOrWithin(0.05).decide(theory, s.slope(),
 *             s.interval().lower(), s.interval().upper());
 *     ClaimsJson.write(out.resolve("claims.json"), id, paper, settings, claims);
 *     Plot.write(out.resolve("fig1a"), 1, 1, List.of(panel), 720, 520);   // fig1a.png + fig1a.svg
 *     MarkdownReport.create().heading(1, "...").table(header, cells).image("Figure 1a", "fig1a.png")
 *             .write(out.resolve("report.md"));
 * }
 * }</pre>
 *
 * <h2>Pieces</h2>
 * <table>
 *   <caption>Classes</caption>
 *   <tr><th>Class</th><th>Role</th><th>Guarantee</th></tr>
 *   <tr><td>{@link org.attnlab.report.Row}</td><td>one unit's result: ordered column -&gt; cell text</td>
 *       <td>doubles as {@code Double.toString}, so a restored row is the computed row, bit for bit</td></tr>
 *   <tr><td>{@link org.attnlab.report.CheckpointStore}</td><td>append-only {@code key -> Row} file</td>
 *       <td>each append is one line, fsynced; a half-written last line is discarded on open; a file
 *       written for another configuration (fingerprint) is refused</td></tr>
 *   <tr><td>{@link org.attnlab.report.ParallelRunner}</td><td>runs the plan on T threads</td>
 *       <td>skips finished units; rows in plan order; {@code seedFor(master, key)} depends on the key only</td></tr>
 *   <tr><td>{@link org.attnlab.report.CsvTable}</td><td>CSV, fixed column order</td>
 *       <td>RFC 4180, {@code \n}, cells verbatim</td></tr>
 *   <tr><td>{@link org.attnlab.report.ClaimsJson}</td><td>{@code claims.json}</td>
 *       <td>fixed field order, NaN as null, no timestamps</td></tr>
 *   <tr><td>{@link org.attnlab.report.MarkdownReport}</td><td>{@code report.md}</td>
 *       <td>tables with escaped cells, embedded figures</td></tr>
 *   <tr><td>{@link org.attnlab.report.Plot}</td><td>figures: panels of lines, markers, dashed lines, bands;
 *       log axes; {@code rows x cols} grids</td><td>PNG and SVG side by side</td></tr>
 *   <tr><td>{@link org.attnlab.report.ConsoleProgress}</td><td>progress bar with ETA on stderr</td>
 *       <td>one line per 5% when not a terminal or when {@code CI} is set</td></tr>
 *   <tr><td>{@link org.attnlab.report.Stats}</td><td>quantiles, log-log slope, bootstrap</td>
 *       <td>bootstrap replicate b uses {@code RandomStreams.stream(seed, BOOTSTRAP, b)}: deterministic</td></tr>
 *   <tr><td>{@link org.attnlab.report.VerdictRule}</td><td>reference + estimate + interval -&gt; verdict</td>
 *       <td>the rule describes itself for the report</td></tr>
 * </table>
 *
 * <h2>Byte identity</h2>
 * What an audit promises to be byte-identical across thread counts and interruptions is whatever it builds
 * from the rows in plan order with these writers ({@code claims.json}, the results CSV). Wall-clock timings
 * are not: put them in a separate file (the zucker2025 audit writes {@code timings.csv}). Figures (PNG/SVG)
 * are drawn from the same numbers but their encoders are not promised to be byte-stable.
 *
 * <h2>Notation</h2>
 * <table>
 *   <caption>Notation</caption>
 *   <tr><th>Symbol</th><th>Meaning</th></tr>
 *   <tr><td>x_k</td><td>the sizes of a sweep (e.g. sample counts M), k = 0..K-1</td></tr>
 *   <tr><td>e_{k,s}</td><td>the error of seed s at size x_k</td></tr>
 *   <tr><td>med_k</td><td>median over seeds of e_{k,s}</td></tr>
 *   <tr><td>b</td><td>least-squares slope of log med_k on log x_k</td></tr>
 *   <tr><td>B</td><td>number of bootstrap replicates</td></tr>
 * </table>
 */
package org.attnlab.report;
