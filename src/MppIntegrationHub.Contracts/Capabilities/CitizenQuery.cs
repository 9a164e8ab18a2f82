using System.ComponentModel;
using MppIntegrationHub.Contracts.Identity;

namespace MppIntegrationHub.Contracts.Capabilities;

[Description("A read of one citizen's records by NIK.")]
public sealed record CitizenQuery(Nik Nik);
