import { createContext, useContext } from 'react';
import type { PanelId } from './params.ts';

/** How an instance is embedded; read by the embed surface (shell, share dialog). */
export interface EmbedOptions {
  /** Chrome hidden, fitted to its frame (iframe `?embed=1`, the web component). */
  embed: boolean;
  /** Panels shown; undefined = all. */
  panels?: readonly PanelId[];
  /** The app's address, the base of share links and snippets. */
  appUrl: string;
}

export const EmbedContext = createContext<EmbedOptions>({ embed: false, appUrl: '' });

export function useEmbedOptions(): EmbedOptions {
  return useContext(EmbedContext);
}
