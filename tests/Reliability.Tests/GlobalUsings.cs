global using GuanGong.Testing.App;
