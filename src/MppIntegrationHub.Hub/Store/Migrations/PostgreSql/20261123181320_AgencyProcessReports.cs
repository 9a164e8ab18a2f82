using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MppIntegrationHub.Hub.Store.Migrations.PostgreSql
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
                    ProcessId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Agency = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Health = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Breaker = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    HttpRetriesEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    QuotaAvailable = table.Column<long>(type: "bigint", nullable: true),
                    CallsPerMinute = table.Column<int>(type: "integer", nullable: false),
                    FailuresPerMinute = table.Column<int>(type: "integer", nullable: false),
                    MeanLatencyMs = table.Column<double>(type: "double precision", nullable: true),
                    ReportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
