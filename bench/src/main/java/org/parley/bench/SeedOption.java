package org.parley.bench;

import picocli.CommandLine.Option;

/** The synthetic corpus's seed, shared by the benchmarks that generate articles, so that their runs compare. */
public final class SeedOption {
    @Option(names = "--seed", defaultValue = "" + SyntheticCorpus.DEFAULT_SEED,
            description = "corpus seed (default: ${DEFAULT-VALUE})")
    long seed;
}
