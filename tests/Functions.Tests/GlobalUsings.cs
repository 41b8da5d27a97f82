global using Microsoft.Extensions.Configuration;
global using Microsoft.AspNetCore.Builder;
global using GuanGong.Testing.App;
