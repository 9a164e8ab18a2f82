using MppIntegrationHub.Hub;

var builder = WebApplication.CreateBuilder(args);
builder.AddIntegrationHub();

var app = builder.Build();
app.UseHubApi();
app.MapHealthApi();
app.MapHubApi();

app.Run();
