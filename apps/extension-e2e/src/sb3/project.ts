import type { BlockNode, Script } from './blocks';

/**
 * A test project in the making: the stage and sprites, their variables, lists and scripts.
 * `toSb3()` (./sb3-file.ts) saves it as TurboWarp would.
 */
export interface TargetModel {
  readonly name: string;
  readonly isStage: boolean;
  readonly variables: Map<string, string | number>;
  readonly lists: Map<string, Array<string | number>>;
  readonly scripts: Script[];
}

export class TargetBuilder {
  readonly model: TargetModel;

  constructor(name: string, isStage: boolean) {
    this.model = { name, isStage, variables: new Map(), lists: new Map(), scripts: [] };
  }

  /** Declares a variable (on the stage: a global one; on a sprite: "for this sprite only"). */
  variable(name: string, initial: string | number = 0): this {
    this.model.variables.set(name, initial);
    return this;
  }

  list(name: string, initial: Array<string | number> = []): this {
    this.model.lists.set(name, initial);
    return this;
  }

  /** Adds one script: its hat first, then the blocks under it. */
  script(...blocks: Script): this {
    if (blocks.length === 0) throw new Error(`An empty script was added to ${this.model.name}`);
    this.model.scripts.push(blocks);
    return this;
  }
}

/**
 * A stage monitor of a reporter that belongs to no sprite, shown as the editor saves one whose
 * checkbox was ticked: its block's opcode and, for a block with menu fields, their values.
 */
export interface MonitorModel {
  readonly opcode: string;
  readonly params: Readonly<Record<string, string>>;
}

export interface ProjectModel {
  readonly stage: TargetModel;
  readonly sprites: TargetModel[];
  readonly monitors: MonitorModel[];
  /** Where each non-core extension loads from, as a saved project's `extensionURLs`. */
  readonly extensionURLs: Record<string, string>;
}

export class ProjectBuilder {
  readonly stage = new TargetBuilder('Stage', true);
  private readonly spriteBuilders: TargetBuilder[] = [];
  private readonly monitors: MonitorModel[] = [];

  constructor(private readonly extensionURLs: Record<string, string>) {}

  sprite(name: string): TargetBuilder {
    if (name === 'Stage' || this.spriteBuilders.some((sprite) => sprite.model.name === name)) {
      throw new Error(`A target named ${name} already exists in this project`);
    }
    const sprite = new TargetBuilder(name, false);
    this.spriteBuilders.push(sprite);
    return sprite;
  }

  /** Shows a monitor of `reporter` (a block without inputs; its fields pick what it reports) on the stage. */
  monitor(reporter: BlockNode): this {
    if (reporter.inputs !== undefined || reporter.substacks !== undefined) throw new Error(`A monitor of ${reporter.opcode} cannot have inputs`);
    const params = Object.fromEntries(
      Object.entries(reporter.fields ?? {}).map(([name, value]) => {
        if (typeof value !== 'string') throw new Error(`A monitor of ${reporter.opcode} takes menu values, not a variable or list`);
        return [name, value];
      }),
    );
    this.monitors.push({ opcode: reporter.opcode, params });
    return this;
  }

  get model(): ProjectModel {
    return {
      stage: this.stage.model,
      sprites: this.spriteBuilders.map((sprite) => sprite.model),
      monitors: [...this.monitors],
      extensionURLs: this.extensionURLs,
    };
  }
}
