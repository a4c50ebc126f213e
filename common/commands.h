/* commands.h — the entry points of the `trace` subcommands, one per cmd_*.c file in its
 * module (tracer/, formats/, analyzer/). Each takes argv with argv[0] = the subcommand
 * name and returns an ExitCode (common/util.h). main.c maps names to these. */
#ifndef TICKSCOPE_COMMANDS_H
#define TICKSCOPE_COMMANDS_H

int cmd_run(int argc, char **argv);      /* tracer/cmd_run.c */
int cmd_validate(int argc, char **argv); /* formats/cmd_validate.c */
int cmd_log(int argc, char **argv);      /* analyzer/cmd_log.c */
int cmd_graph(int argc, char **argv);    /* analyzer/cmd_graph.c */
int cmd_timeline(int argc, char **argv); /* analyzer/cmd_timeline.c */
int cmd_diff(int argc, char **argv);     /* analyzer/cmd_diff.c */
int cmd_why(int argc, char **argv);      /* analyzer/cmd_why.c */
int cmd_stats(int argc, char **argv);    /* analyzer/cmd_stats.c */
int cmd_export(int argc, char **argv);   /* analyzer/cmd_export.c */

#endif
