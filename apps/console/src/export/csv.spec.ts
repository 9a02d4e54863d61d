import { csvText } from './csv';

describe('csvText', () => {
  it('quotes fields with commas, quotes or line breaks, and starts with a byte-order mark', () => {
    expect(
      csvText(
        ['机构', '说明'],
        [
          ['北湖区', '他说"从轻",\n再议'],
          ['苏仙区', null],
        ],
      ),
    ).toBe('\uFEFF机构,说明\r\n北湖区,"他说""从轻"",\n再议"\r\n苏仙区,\r\n');
  });
});
