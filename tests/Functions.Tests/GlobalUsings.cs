global using Microsoft.Extensions.Configuration;
global using GuanGong.Testing.App;
