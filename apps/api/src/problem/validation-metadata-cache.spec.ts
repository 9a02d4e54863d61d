import { IsInt, IsString, getMetadataStorage, validate } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache';

class Named {
  @IsString()
  name!: unknown;
}

describe('cacheValidationMetadata', () => {
  it('answers a class’s rules again without looking them up, and forgets them when a rule is added', async () => {
    cacheValidationMetadata();
    cacheValidationMetadata(); // once only: a second call does not wrap the lookup again
    const storage = getMetadataStorage();
    const first = storage.getTargetValidationMetadatas(Named, '', false, false);
    expect(storage.getTargetValidationMetadatas(Named, '', false, false)).toBe(first);
    expect(storage.getTargetValidationMetadatas(Named, '', false, false, ['g'])).not.toBe(first);

    class Counted extends Named {
      @IsInt()
      count!: unknown;
    }
    expect(storage.getTargetValidationMetadatas(Named, '', false, false)).not.toBe(first);
    const rules = storage.getTargetValidationMetadatas(Counted, '', false, false);
    expect(rules.map((r) => r.propertyName).sort()).toEqual(['count', 'name']);
    const errors = await validate(Object.assign(new Counted(), { name: 1, count: 'x' }));
    expect(errors.map((e) => e.property).sort()).toEqual(['count', 'name']);
  });
});
