using GuanGong.Functions.Hosting;

await AppHost.Build(args).RunAsync();
