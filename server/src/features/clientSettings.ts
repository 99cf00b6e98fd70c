// How both servers (server.ts, browser/server.ts) follow the client's settings: what initialize sends,
// refined by what workspace/configuration answers, asked again whenever the settings change.
import { type Connection, DidChangeConfigurationNotification, type InitializeParams } from '../lsp';
import type { Analysis } from '../analysis';
import { type ClientSettings, DEFAULT_SETTINGS } from '../settings';

/** The initialization options both clients send (each server may read more of its own). */
export interface InitializationOptions {
  workspaceTrusted?: boolean;
  settings?: Partial<ClientSettings>;
}

export class ClientSettingsSync {
  private configurationCapability = false;
  private initial: ClientSettings = DEFAULT_SETTINGS;
  /** Whether the client accepts snippet completions. */
  snippetSupport = false;
  /**
   * Whether the settings in force are the client's (asked once it is initialized, when it answers such
   * requests): work that a setting may turn off (the workspace scan) waits for this.
   */
  settled = false;

  constructor(
    private readonly connection: Connection,
    private readonly analysis: Analysis,
    /** Publishes diagnostics again once the settings changed. */
    private readonly republish: () => void,
  ) {
    connection.onDidChangeConfiguration(() => void this.refresh());
  }

  /** At initialize: the client's capabilities, the workspace trust and the settings it sent. */
  initialize<T extends InitializationOptions>(params: InitializeParams): T {
    this.configurationCapability = params.capabilities.workspace?.configuration === true;
    this.snippetSupport = params.capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
    const options = (params.initializationOptions ?? {}) as T;
    this.analysis.trusted = options.workspaceTrusted !== false;
    this.initial = { ...DEFAULT_SETTINGS, ...(options.settings ?? {}) };
    this.analysis.settings = this.initial;
    return options;
  }

  /** At initialized: follow changes of the settings and ask for them now. */
  initialized(): void {
    if (!this.configurationCapability) {
      this.settled = true;
      return;
    }
    void this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'gongwen' });
    void this.refresh();
  }

  private async refresh(): Promise<void> {
    if (!this.configurationCapability) return;
    try {
      const value = (await this.connection.workspace.getConfiguration('gongwen')) as Partial<ClientSettings> | null;
      // What the client answers refines what it sent at initialization (clients may send either).
      this.analysis.settings = { ...this.initial, ...(value ?? {}) };
    } catch {
      this.analysis.settings = this.initial;
    }
    this.settled = true;
    this.analysis.resetConfiguration();
    this.republish();
  }
}
