global using Microsoft.AspNetCore.Builder;
global using GuanGong.Testing.App;
