import type { FormRule } from 'antd';

/** A field the person must fill, with the message that says so (请填写… / 请选择…). */
export const required = (message: string): FormRule[] => [{ required: true, message }];
