using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MppIntegrationHub.Orchestration.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class InitialWorkflowStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "workflow_agency_retry_controls",
                columns: table => new
                {
                    Agency = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RetriesStopped = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: true),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_agency_retry_controls", x => x.Agency);
                });

            migrationBuilder.CreateTable(
                name: "workflow_applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WorkflowVersion = table.Column<int>(type: "integer", nullable: false),
                    ClientId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Nik = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    InputsJson = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StatusReason = table.Column<string>(type: "text", nullable: true),
                    SubmittedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    CompletedAt = table.Column<long>(type: "bigint", nullable: true),
                    ExpectedP50 = table.Column<long>(type: "bigint", nullable: true),
                    ExpectedP90 = table.Column<long>(type: "bigint", nullable: true),
                    OutputsJson = table.Column<string>(type: "text", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_applications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MessageType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    ClaimedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ClaimedUntil = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workflow_steps",
                columns: table => new
                {
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    StepId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Capability = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Compensating = table.Column<bool>(type: "boolean", nullable: false),
                    Generation = table.Column<int>(type: "integer", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<long>(type: "bigint", nullable: true),
                    FinishedAt = table.Column<long>(type: "bigint", nullable: true),
                    DueAt = table.Column<long>(type: "bigint", nullable: true),
                    DeadlineAt = table.Column<long>(type: "bigint", nullable: true),
                    DispatchId = table.Column<Guid>(type: "uuid", nullable: true),
                    LeaseExpiresAt = table.Column<long>(type: "bigint", nullable: true),
                    OutputJson = table.Column<string>(type: "text", nullable: true),
                    CorrelationRef = table.Column<string>(type: "text", nullable: true),
                    ErrorAgency = table.Column<string>(type: "text", nullable: true),
                    ErrorKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ErrorCode = table.Column<string>(type: "text", nullable: true),
                    ErrorMessage = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workflow_steps", x => new { x.ApplicationId, x.StepId });
                    table.ForeignKey(
                        name: "FK_workflow_steps_workflow_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "workflow_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_workflow_applications_Status_UpdatedAt",
                table: "workflow_applications",
                columns: new[] { "Status", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_workflow_steps_CorrelationRef",
                table: "workflow_steps",
                column: "CorrelationRef");

            migrationBuilder.CreateIndex(
                name: "IX_workflow_steps_DueAt",
                table: "workflow_steps",
                column: "DueAt");

            migrationBuilder.CreateIndex(
                name: "IX_workflow_steps_LeaseExpiresAt",
                table: "workflow_steps",
                column: "LeaseExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "workflow_agency_retry_controls");

            migrationBuilder.DropTable(
                name: "workflow_outbox");

            migrationBuilder.DropTable(
                name: "workflow_steps");

            migrationBuilder.DropTable(
                name: "workflow_applications");
        }
    }
}
