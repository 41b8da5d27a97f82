using GuanGong.LocalHost;

return await LocalHostCommand.RunAsync(args);
