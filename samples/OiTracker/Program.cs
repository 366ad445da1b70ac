using System;
using OiTracker.Cli;

return OiTrackerApp.Run(args, EnvironmentVariables.Read(), Console.Out, Console.Error, ConsoleProgress.ForStandardError());
