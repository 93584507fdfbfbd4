# Made the files of bad/ and CATALOGUE.tsv from valid-small.toml (one edit each). The expected error lines
# were written by hand here, not produced by the reader. Run from test-data/studies: python3 make-bad-files.py
import os
base = open('valid-small.toml').read()
rows = [
 # name, old, new, expected error line
 ("unknown-top-key", "[study]\nid", "extra = 1\n[study]\nid", None),
 ("unknown-study-key", 'seeds = 2\n', 'seeds = 2\nseed = 3\n', 'study.seed must be a known key (one of id, title, master_seed, seeds, grid, error, eval_blocks, bootstrap), got an unknown key'),
 ("unknown-setting-key", 'id = "d2"\nd = 2\n', 'id = "d2"\nd = 2\ndim = 2\n', 'settings[1].dim must be a known key (one of id, d, N, r, noise, tokens, phi), got an unknown key'),
 ("unknown-defaults-key", 'N = 10\n', 'N = 10\nid = "x"\n', 'defaults.id must be a known key (one of d, N, r, noise, tokens, phi), got an unknown key'),
 ("unknown-phi-key", 'range = 4.0 }', 'range = 4.0, scale = 2 }', 'defaults.phi.scale must be a known key (one of family, order, pieces, range, exponent), got an unknown key'),
 ("unknown-claim-key", 'reference = "theory"\nmargin = 0.1\n', 'reference = "theory"\nmargin = 0.1\ntolerance = 0.1\n', 'claims[0].tolerance must be a known key (one of id, kind, statement, setting, reference, margin), got an unknown key'),
  ("missing-master-seed", 'master_seed = 7\n', '', 'study.master_seed must be given, got nothing'),
 ("missing-d", 'id = "d2"\nd = 2\n', 'id = "d2"\n', 'settings[1].d must be given (here or in defaults), got nothing'),
 ("seeds-wrong-type", 'seeds = 2\n', 'seeds = "2"\n', 'study.seeds must be an integer, got "2"'),
 ("seeds-too-few", 'seeds = 2\n', 'seeds = 1\n', 'study.seeds must be an integer in [2, 10000], got 1'),
 ("seeds-float", 'seeds = 2\n', 'seeds = 2.5\n', 'study.seeds must be an integer, got 2.5'),
 ("grid-empty", 'grid = [100, 200]', 'grid = []', 'study.grid must be an array of at least 2 sample sizes, got []'),
 ("grid-one", 'grid = [100, 200]', 'grid = [100]', 'study.grid must be an array of at least 2 sample sizes, got [100]'),
 ("grid-not-array", 'grid = [100, 200]', 'grid = 100', 'study.grid must be an array, got 100'),
 ("grid-decreasing", 'grid = [100, 200]', 'grid = [200, 100]', 'study.grid[1] must be > study.grid[0] = 200 (the grid increases), got 100'),
 ("grid-too-small", 'grid = [100, 200]', 'grid = [5, 200]', 'study.grid[0] must be an integer in [10, 100000000], got 5'),
 ("grid-string-entry", 'grid = [100, 200]', 'grid = [100, "200"]', 'study.grid[1] must be an integer, got "200"'),
 ("error-unknown", 'error = "absolute"', 'error = "squared"', 'study.error must be one of ["absolute", "relative"], got "squared"'),
 ("bootstrap-too-small", 'bootstrap = 200', 'bootstrap = 10', 'study.bootstrap must be an integer in [100, 100000], got 10'),
 ("bad-study-id", 'id = "small"', 'id = "my study"', 'study.id must be an id (letters, digits, \'.\', \'_\', \'-\'; 1 to 64 characters), got "my study"'),
 ("d-zero", 'id = "d1"\nd = 1\n', 'id = "d1"\nd = 0\n', 'settings[0].d must be an integer in [1, 1000], got 0'),
 ("rank-above-d", 'id = "d1"\nd = 1\n', 'id = "d1"\nd = 1\nr = 2\n', 'settings[0].r must be <= d = 1, got 2'),
 ("tokens-one", 'N = 10\n', 'N = 1\n', 'defaults.N must be an integer in [2, 1000], got 1'),
 ("noise-negative", 'noise = 0.1\n', 'noise = -0.1\n', 'defaults.noise must be a number in [0, 100], got -0.1'),
 ("noise-nan", 'noise = 0.1\n', 'noise = nan\n', 'defaults.noise must be a finite number, got NaN'),
 ("noise-string", 'noise = 0.1\n', 'noise = "low"\n', 'defaults.noise must be a number, got "low"'),
 ("law-unknown", 'tokens = { law = "uniform" }', 'tokens = { law = "cauchy" }', 'defaults.tokens.law must be one of ["uniform", "gaussian", "exchangeable"], got "cauchy"'),
 ("tau-missing", 'tokens = { law = "uniform" }', 'tokens = { law = "exchangeable" }', 'defaults.tokens.tau must be given, got nothing'),
 ("tau-above-one", 'tokens = { law = "uniform" }', 'tokens = { law = "exchangeable", tau = 1.5 }', 'defaults.tokens.tau must be a number in [0, 1], got 1.5'),
 ("tau-on-uniform", 'tokens = { law = "uniform" }', 'tokens = { law = "uniform", tau = 0.5 }', 'defaults.tokens.tau must be absent when law = "uniform", got 0.5'),
 ("tokens-not-table", 'tokens = { law = "uniform" }', 'tokens = "uniform"', 'defaults.tokens must be a table, got "uniform"'),
 ("phi-family-unknown", 'family = "bspline"', 'family = "gelu"', None),
 ("phi-order-one", 'order = 3', 'order = 1', 'defaults.phi.order must be an integer in [2, 12], got 1'),
 ("abs-without-exponent", 'phi = { family = "bspline", order = 3, pieces = 8, range = 4.0 }', 'phi = { family = "abs" }', None),
 ("relu-with-order", 'phi = { family = "bspline", order = 3, pieces = 8, range = 4.0 }', 'phi = { family = "relu", order = 3 }', None),
 ("range-zero", 'range = 4.0 }', 'range = 0.0 }', 'defaults.phi.range must be a number in (0, 1000], got 0.0'),
 ("degree-match-relu", 'phi = { family = "bspline", order = 3, pieces = 8, range = 4.0 }', 'phi = { family = "relu" }', None),
 ("degree-bad-string", 'degree = "match"', 'degree = "auto"', 'estimator.degree must be an integer in [0, 20] or "match", got "auto"'),
 ("k-rule-unknown", 'k_rule = "rate"', 'k_rule = "sqrt"', 'estimator.k_rule must be one of ["rate", "fixed"], got "sqrt"'),
 ("fixed-without-pieces", 'k_rule = "rate"\nc0 = 8.0\n', 'k_rule = "fixed"\n', 'estimator.pieces must be given, got nothing'),
 ("fixed-with-c0", 'k_rule = "rate"\nc0 = 8.0\n', 'k_rule = "fixed"\npieces = 12\nc0 = 8.0\n', 'estimator.c0 must be absent when k_rule = "fixed", got 8.0'),
 ("c0-negative", 'c0 = 8.0', 'c0 = -1.0', 'estimator.c0 must be a number in (0, 1000000], got -1.0'),
 ("iterations-zero", 'max_iterations = 20', 'max_iterations = 0', 'estimator.max_iterations must be an integer in [1, 100000], got 0'),
 ("settings-empty", '[study]\nid', 'settings = []\n[study]\nid', 'settings must be a non-empty array of tables ([[settings]]), got []'),
 ("settings-duplicate-id", 'id = "d2"\nd = 2\n', 'id = "d2"\nd = 2\n\n[[settings]]\nid = "d1"\nd = 3\n', 'settings[2].id must be unique (also the id of settings[0]), got "d1"'),
 ("claim-missing-setting", 'setting = "d1"\nreference', 'setting = "d3"\nreference', 'claims[0].setting must be the id of a setting (one of ["d1", "d2"]), got "d3"'),
 ("equal-slopes-missing-setting", 'settings = ["d1", "d2"]', 'settings = ["d1", "d9"]', 'claims[1].settings[1] must be the id of a setting (one of ["d1", "d2"]), got "d9"'),
 ("equal-slopes-one", 'settings = ["d1", "d2"]', 'settings = ["d1"]', 'claims[1].settings must be an array of at least 2 setting ids, got ["d1"]'),
 ("equal-slopes-repeat", 'settings = ["d1", "d2"]', 'settings = ["d1", "d1"]', 'claims[1].settings[1] must be a setting not already listed, got "d1"'),
 ("faster-same", 'slower = "d2"', 'slower = "d1"', 'claims[2].slower must be a setting other than faster, got "d1"'),
 ("faster-missing-setting", 'faster = "d1"', 'faster = "d5"', 'claims[2].faster must be the id of a setting (one of ["d1", "d2"]), got "d5"'),
 ("claim-kind-unknown", 'kind = "faster"', 'kind = "better"', None),
 ("margin-zero", 'reference = "theory"\nmargin = 0.1\n', 'reference = "theory"\nmargin = 0\n', 'claims[0].margin must be a number in (0, 2], got 0'),
 ("margin-missing", 'reference = "theory"\nmargin = 0.1\n', 'reference = "theory"\n', 'claims[0].margin must be given, got nothing'),
 ("reference-bad-string", 'reference = "theory"', 'reference = "paper"', 'claims[0].reference must be a number in [-5, 0] or "theory", got "paper"'),
 ("reference-positive", 'reference = "theory"', 'reference = 0.8', 'claims[0].reference must be a number in [-5, 0], got 0.8'),
 ("claim-duplicate-id", 'id = "dir"', 'id = "same"', 'claims[2].id must be unique (also the id of claims[1]), got "same"'),
 ("toml-syntax", 'seeds = 2\n', 'seeds = = 2\n', None),
 ("master-seed-too-big", 'master_seed = 7', 'master_seed = 99999999999999999999', None),
]
expected = {
 "unknown-top-key": 'extra must be a known key (one of study, estimator, defaults, settings, claims), got an unknown key',
 "missing-study": None,
 "phi-family-unknown": 'defaults.phi.family must be one of ["bspline", "relu", "abs", "tanh", "sin", "softplus"], got "gelu"',
 "abs-without-exponent": 'defaults.phi.exponent must be given, got nothing',
 "relu-with-order": 'defaults.phi.order must be absent when family = "relu", got 3',
 "degree-match-relu": 'estimator.degree must be an integer when settings[0].phi.family is not "bspline", got "match"',
 "settings-empty-unused": 'settings must be a non-empty array of tables ([[settings]]), got []',
 "settings-duplicate-id": 'settings[1].id must be unique (also the id of settings[0]), got "d1"',
 "claim-kind-unknown": 'claims[2].kind must be one of ["slope", "equal_slopes", "faster"], got "better"',
 "toml-syntax": 'FILE must be valid TOML, got a syntax error at line 6, column 9...',
 "master-seed-too-big": 'study.master_seed must be a 64-bit signed integer, got 99999999999999999999',
}
os.makedirs('bad', exist_ok=True)
out = []
for name, old, new, exp in rows:
    assert base.count(old) == 1, (name, old, base.count(old))
    text = base.replace(old, new)
    if name == "settings-empty":
        text = text.replace('[[settings]]\nid = "d1"\nd = 1\n\n[[settings]]\nid = "d2"\nd = 2\n', '')
    open(f'bad/{name}.toml', 'w').write(text)
    e = exp if exp is not None else expected.get(name)
    out.append((name, e if e is not None else 'TODO'))
with open('bad/CATALOGUE.tsv', 'w') as f:
    f.write('# file\texpected error (one line; the file is valid-small.toml with one edit)\n')
    for n, e in out:
        f.write(f'{n}.toml\t{e}\n')
print(len(out))
