using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(HfSecretScan.Benchmarks.MatcherBenchmarks).Assembly).Run(args);
