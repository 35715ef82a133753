using Governance.Api.Cli;

// One executable: the web host (`serve`, the default) and the operator verbs.
return await GovernanceCli.RunAsync(args);
