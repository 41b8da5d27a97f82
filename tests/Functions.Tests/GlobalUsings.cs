global using Microsoft.Extensions.Configuration;
global using Microsoft.AspNetCore.Builder;
