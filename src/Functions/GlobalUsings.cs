// What the ASP.NET Core SDK imports implicitly: the app is a Functions worker project now, built
// with the plain SDK, but its functions are written against ASP.NET Core's HTTP types.
global using Microsoft.AspNetCore.Http;
global using Microsoft.Extensions.Configuration;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Extensions.Hosting;
global using Microsoft.Extensions.Logging;
