// Starts `workpolicy lsp` (the installed .NET tool, or the configured command) and connects VS Code to it.
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const config = vscode.workspace.getConfiguration('workpolicy');
  const command = config.get<string>('server.path') || 'workpolicy';
  const args = [...config.get<string[]>('server.args', []), 'lsp'];
  const serverOptions: ServerOptions = {
    run: { command, args, transport: TransportKind.stdio },
    debug: { command, args, transport: TransportKind.stdio },
  };
  const clientOptions: LanguageClientOptions = {
    // Rule files in both encodings and analysts' test files; the server leaves facts and other YAML alone.
    documentSelector: [
      { scheme: 'file', language: 'workpolicy' },
      { scheme: 'file', language: 'yaml' },
    ],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{wp,yaml,yml}') },
  };
  client = new LanguageClient('workpolicy', 'WorkPolicy', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand('workpolicy.restartServer', async () => {
      await client?.restart();
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
