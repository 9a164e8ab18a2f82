using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MppIntegrationHub.Hub.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AgencyProcessReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ApiAgencyProcessReports",
                columns: table => new
                {
                    ProcessId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Agency = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Health = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Breaker = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HttpRetriesEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    QuotaAvailable = table.Column<long>(type: "INTEGER", nullable: true),
                    CallsPerMinute = table.Column<int>(type: "INTEGER", nullable: false),
                    FailuresPerMinute = table.Column<int>(type: "INTEGER", nullable: false),
                    MeanLatencyMs = table.Column<double>(type: "REAL", nullable: true),
                    ReportedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiAgencyProcessReports", x => new { x.ProcessId, x.Agency });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApiAgencyProcessReports");
        }
    }
}
