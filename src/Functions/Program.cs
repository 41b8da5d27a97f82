using GuanGong.Functions.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;

// The .NET isolated worker: in Azure the Functions host starts this process and hands it HTTP
// requests, timer ticks and Durable work; locally src/LocalHost runs this same Program.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.AddGuanGong();
builder.Build().Run();
