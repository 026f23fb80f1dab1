using HfSecretScan.Tool.Cli;

return await HfScanCli.RunAsync(args, CliConsole.System).ConfigureAwait(false);
